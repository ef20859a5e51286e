# Parley's own scenarios, in the notation of the openCypher TCK: quantified relationships and
# quantified path patterns, with group variables, bounds and relationship uniqueness. Expected
# results are worked out by hand from the semantics the Neo4j Cypher Manual documents.

Feature: QuantifiedPaths - quantified relationships and quantified path patterns

  Scenario: [1] A quantified relationship with a range of repetitions
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->{1,3}(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [2] A quantified relationship with an exact number of repetitions
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->{2}(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 2 |
    And no side effects

  Scenario: [3] The + quantifier is one or more
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->+(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [4] The * quantifier includes zero repetitions, binding both ends to one node
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->*(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 0 |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [5] A quantifier with only an upper bound starts from zero
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->{,2}(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 0 |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [6] A quantifier with only a lower bound has no upper bound
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->{2,}(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [7] More repetitions than the graph has give no rows
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R]->{4,}(b) RETURN b.i AS i
      """
    Then the result should be empty
    And no side effects

  Scenario: [8] Group variables are lists outside the quantified path pattern, in path order
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S) ((x)-[r:R]->(y)){2} (z)
      RETURN [n IN x | n.i] AS xs, [n IN y | n.i] AS ys, [e IN r | e.w] AS ws, z.i AS z
      """
    Then the result should be, in any order:
      | xs     | ys     | ws     | z |
      | [0, 1] | [1, 2] | [1, 2] | 2 |
    And no side effects

  Scenario: [9] A group variable has one element per repetition
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH p = (:S) ((x)-[:R]->(y)){1,3} ()
      RETURN length(p) AS len, size(x) AS n
      """
    Then the result should be, in any order:
      | len | n |
      | 1   | 1 |
      | 2   | 2 |
      | 3   | 3 |
    And no side effects

  Scenario: [10] Zero repetitions give empty group variables
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (a:S) ((x)-[:R]->(y)){0,1} (b)
      RETURN b.i AS b, size(x) AS n, [v IN y | v.i] AS ys
      """
    Then the result should be, in any order:
      | b | n | ys  |
      | 0 | 0 | []  |
      | 1 | 1 | [1] |
    And no side effects

  Scenario: [11] A WHERE inside a quantified path pattern holds for every repetition
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S) ((x)-[r:R]->(y) WHERE r.w < 3)+ (z) RETURN z.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [12] The clause's WHERE reads group variables as lists
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S) ((x)-[r:R]->(y)){1,3} (z)
      WHERE reduce(s = 0, e IN r | s + e.w) >= 3
      RETURN z.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [13] Labels and property maps inside a quantified path pattern
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R]->(:N {i: 1, ok: true})-[:R]->(:N {i: 2, ok: true})-[:R]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S) (()-[:R]->(y:N {ok: true})){1,3} (z) RETURN z.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [14] A path variable takes in every repetition
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH p = (:S)-[:R]->{2}() RETURN p
      """
    Then the result should be, in any order:
      | p                                                                        |
      | <(:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})>           |
    And no side effects

  Scenario: [15] A relationship is used at most once, repetitions included
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(a)
      """
    When executing query:
      """
      MATCH (:C {i: 0})-[:R]->{1,5}(t) RETURN t.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 0 |
    And no side effects

  Scenario: [16] Uniqueness covers the quantified part and the rest of the MATCH
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(a)
      """
    When executing query:
      """
      MATCH (:C {i: 0})-[:R]->(m), (m)-[:R]->{1,3}(t) RETURN t.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 0 |
    And no side effects

  Scenario: [17] An undirected quantified relationship does not walk back along the same relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 0})-[:R]->(:N {i: 1})-[:R]->(:N {i: 2})-[:R]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:N {i: 2})-[:R]-{2}(y) RETURN y.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 0 |
    And no side effects

  Scenario: [18] A quantified relationship with a type disjunction
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 0})-[:X]->(:N {i: 1})-[:Y]->(:N {i: 2})-[:Z]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:N {i: 0})-[:X|Y]->+(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [19] Two quantified path patterns in one path
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 0})-[:X]->(:N {i: 1})-[:X]->(:N {i: 2})-[:Y]->(:N {i: 3})-[:Y]->(:N {i: 4})
      """
    When executing query:
      """
      MATCH (:N {i: 0}) ((a)-[:X]->(b))+ (m) ((c)-[:Y]->(d))+ (e)
      RETURN m.i AS m, e.i AS e, size(a) AS xs, size(c) AS ys
      """
    Then the result should be, in any order:
      | m | e | xs | ys |
      | 2 | 3 | 2  | 1  |
      | 2 | 4 | 2  | 2  |
    And no side effects

  Scenario: [20] A lower bound above the upper bound is refused
    Given any graph
    When executing query:
      """
      MATCH (a)-[:R]->{3,1}(b) RETURN a
      """
    Then a SyntaxError should be raised at compile time: InvalidQuantifier

  Scenario: [21] A quantified single node is refused
    Given any graph
    When executing query:
      """
      MATCH ((x)){2} RETURN x
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [22] A quantifier nested inside a quantified path pattern is refused
    Given any graph
    When executing query:
      """
      MATCH (a) ((x)-[:R]->{1,2}(y)){1,2} (b) RETURN a
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [23] A variable of a quantified path pattern that is already bound is refused
    Given any graph
    When executing query:
      """
      MATCH (x)
      MATCH (a) ((x)-[:R]->(y)){1,2} (b)
      RETURN a
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [24] Undirected repetitions around a cycle, back to the start, in both directions
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(:C {i: 2})-[:R]->(a)
      """
    When executing query:
      """
      MATCH p = (a:C {i: 0})-[:R]-{1,}(a)
      RETURN [n IN nodes(p) | n.i] AS walk
      """
    Then the result should be, in any order:
      | walk         |
      | [0, 1, 2, 0] |
      | [0, 2, 1, 0] |
    And no side effects

  Scenario: [25] A quantified path pattern ending on a node bound at its start
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(:C {i: 2})-[:R]->(a)
      """
    When executing query:
      """
      MATCH (a:C {i: 0}) ((x)-[:R]->(y)){3} (a)
      RETURN [n IN x | n.i] AS xs, [n IN y | n.i] AS ys
      """
    Then the result should be, in any order:
      | xs        | ys        |
      | [0, 1, 2] | [1, 2, 0] |
    And no side effects

  Scenario: [26] A quantified path pattern between two fixed relationships, zero repetitions included
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 0})-[:X]->(m:N {i: 1})-[:Y]->(:N {i: 2})-[:Z]->(:N {i: 3}), (m)-[:Z]->(:N {i: 4}), (:N {i: 5})
      """
    When executing query:
      """
      MATCH (:N {i: 0})-[:X]->(m) ((p)-[:Y]->(q))* (z)-[:Z]->(e)
      RETURN m.i AS m, z.i AS z, e.i AS e, size(p) AS reps
      """
    Then the result should be, in any order:
      | m | z | e | reps |
      | 1 | 1 | 4 | 0    |
      | 1 | 2 | 3 | 1    |
    And no side effects

  Scenario: [27] The variable of a quantified relationship is the list of its relationships
    Given an empty graph
    And having executed:
      """
      CREATE (:S {i: 0})-[:R {w: 1}]->(:N {i: 1})-[:R {w: 2}]->(:N {i: 2})-[:R {w: 3}]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:S)-[r:R]->{2}(b)
      RETURN [x IN r | x.w] AS ws, size(r) AS hops
      """
    Then the result should be, in any order:
      | ws     | hops |
      | [1, 2] | 2    |
    And no side effects

  Scenario: [28] A group variable indexed in the clause's WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 1})-[:R]->(:N {i: 2})-[:R]->(:N {i: 3})-[:S]->(:N {i: 4})
      """
    When executing query:
      """
      MATCH (a) ((x)-[:R|S]->(y)){2} (b)
      WHERE x[0].i = 2
      RETURN a.i AS a, b.i AS b
      """
    Then the result should be, in any order:
      | a | b |
      | 2 | 4 |
    And no side effects
