# Parley's own scenarios, in the notation of the openCypher TCK: label expressions on nodes and
# relationship types (|, &, !, %, parentheses), in MATCH and in expressions. Expected results are
# worked out by hand from the semantics the Neo4j Cypher Manual documents.

Feature: LabelExpressions - |, &, !, % and parentheses on labels and types

  Scenario: [1] A disjunction matches nodes with either label
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:A|B) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n    |
      | 'a'  |
      | 'b'  |
      | 'ab' |
    And no side effects

  Scenario: [2] A conjunction matches nodes with both labels
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:A&B) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n    |
      | 'ab' |
    And no side effects

  Scenario: [3] The colon conjunction still means both labels
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:B:A) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n    |
      | 'ab' |
    And no side effects

  Scenario: [4] A negation matches every node without the label, unlabelled nodes included
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:!A) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n      |
      | 'b'    |
      | 'c'    |
      | 'none' |
    And no side effects

  Scenario: [5] The wildcard matches every node with at least one label
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:%) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n    |
      | 'a'  |
      | 'b'  |
      | 'ab' |
      | 'c'  |
    And no side effects

  Scenario: [6] The negated wildcard matches only unlabelled nodes
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:!%) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n      |
      | 'none' |
    And no side effects

  Scenario: [7] Parentheses group a disjunction under a conjunction
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:(A|C)&!B) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n   |
      | 'a' |
      | 'c' |
    And no side effects

  Scenario: [8] Conjunction binds tighter than disjunction
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:A|B&C) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n    |
      | 'a'  |
      | 'ab' |
    And no side effects

  Scenario: [9] Negation binds tighter than conjunction
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:!A&B) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n   |
      | 'b' |
    And no side effects

  Scenario: [10] A double negation is the label itself
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:!!C) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n   |
      | 'c' |
    And no side effects

  Scenario: [11] A label expression in WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x) WHERE x:A|C RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n    |
      | 'a'  |
      | 'ab' |
      | 'c'  |
    And no side effects

  Scenario: [12] A label expression as a boolean value
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x) RETURN x.n AS n, x:A&!B AS onlyA, x:% AS labelled
      """
    Then the result should be, in any order:
      | n      | onlyA | labelled |
      | 'a'    | true  | true     |
      | 'b'    | false | true     |
      | 'ab'   | false | true     |
      | 'c'    | false | true     |
      | 'none' | false | false    |
    And no side effects

  Scenario: [13] A label expression on null is null
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      OPTIONAL MATCH (x:Nothing) RETURN x:A|B AS test
      """
    Then the result should be, in any order:
      | test |
      | null |
    And no side effects

  Scenario: [14] Mixing the colon conjunction with the new symbols is refused
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:A:B|C) RETURN x
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [15] CREATE refuses a label disjunction
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      CREATE (:A|B)
      """
    Then a SyntaxError should be raised at compile time: InvalidLabelExpression

  Scenario: [16] CREATE takes a label conjunction written with &
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), (:C {n: 'c'}), ({n: 'none'})
      """
    When executing query:
      """
      CREATE (x:D&E {n: 'de'}) RETURN x:D AND x:E AS both
      """
    Then the result should be, in any order:
      | both |
      | true |
    And the side effects should be:
      | +nodes      | 1 |
      | +labels     | 2 |
      | +properties | 1 |

  Scenario: [17] A disjunction of relationship types
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R|Q]->(t) RETURN t.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [18] A negated relationship type
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:!R]->(t) RETURN t.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [19] The wildcard type matches every relationship
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[r:%]->(t) RETURN t.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 1 |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [20] A conjunction of two relationship types matches nothing
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[r:R&Q]->(t) RETURN t.n AS n
      """
    Then the result should be empty
    And no side effects

  Scenario: [21] A negated group of relationship types
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:!(R|Q)]->(t) RETURN t.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 3 |
    And no side effects

  Scenario: [22] A relationship type expression in WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[r]->(t) WHERE r:R|P RETURN type(r) AS type, r:!R AS notR
      """
    Then the result should be, in any order:
      | type | notR  |
      | 'R'  | false |
      | 'P'  | true  |
    And no side effects

  Scenario: [23] A type disjunction on a variable-length relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 0})-[:X]->(:N {i: 1})-[:Y]->(:N {i: 2})-[:Z]->(:N {i: 3})
      """
    When executing query:
      """
      MATCH (:N {i: 0})-[:X|Y*]->(b) RETURN b.i AS i
      """
    Then the result should be, in any order:
      | i |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [24] Label and type expressions inside a COUNT subquery
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:U {n: 2}), (s)-[:P]->(:T:U {n: 3})
      """
    When executing query:
      """
      MATCH (s:S)
      RETURN COUNT { (s)-[:!P]->(:T|U) } AS notP, COUNT { (s)-->(:T&U) } AS both, COUNT { (s)-->(:T&!U) } AS onlyT
      """
    Then the result should be, in any order:
      | notP | both | onlyT |
      | 2    | 1    | 1     |
    And no side effects

  Scenario: [25] A label expression binds tighter than AND in WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 1}), (:B {n: 2}), (:C {n: 3})
      """
    When executing query:
      """
      MATCH (x) WHERE x:A|B AND x.n > 1 RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 2 |
    And no side effects

  Scenario: [26] A disjunction with a negated type
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2}), (s)-[:P]->(:T {n: 3})
      """
    When executing query:
      """
      MATCH (:S)-[:R|!Q]->(t) RETURN t.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 1 |
      | 3 |
    And no side effects

  Scenario: [27] The negated wildcard type matches no relationship
    Given an empty graph
    And having executed:
      """
      CREATE (s:S), (s)-[:R]->(:T {n: 1}), (s)-[:Q]->(:T {n: 2})
      """
    When executing query:
      """
      MATCH ()-[r:!%]->() RETURN count(r) AS c
      """
    Then the result should be, in any order:
      | c |
      | 0 |
    And no side effects

  Scenario: [28] A wildcard and a negation together
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 'a'}), (:B {n: 'b'}), (:A:B {n: 'ab'}), ({n: 'none'})
      """
    When executing query:
      """
      MATCH (x:%&!A) RETURN x.n AS n
      """
    Then the result should be, in any order:
      | n   |
      | 'b' |
    And no side effects

  Scenario: [29] Label and type expressions in a pattern comprehension
    Given an empty graph
    And having executed:
      """
      CREATE (a:A {n: 1})-[:R]->(:B {n: 2}), (a)-[:Q]->(:C {n: 3}), (a)-[:R]->(:D {n: 4})
      """
    When executing query:
      """
      MATCH (a:A)
      RETURN [(a)-[:R|Q]->(t:B|C) | t.n] AS reached
      """
    Then the result should be (ignoring element order for lists):
      | reached |
      | [2, 3]  |
    And no side effects

  Scenario: [30] MERGE refuses a label disjunction
    Given any graph
    When executing query:
      """
      MERGE (n:A|B) RETURN n
      """
    Then a SyntaxError should be raised at compile time: InvalidLabelExpression

  Scenario: [31] SET takes plain labels only, not a disjunction
    Given any graph
    When executing query:
      """
      MATCH (n) SET n:X|Y
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [32] A negated type on a variable-length relationship
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 1})-[:R]->(:B {n: 2})-[:R]->(:C {n: 3})-[:S]->(:A {n: 4})
      """
    When executing query:
      """
      MATCH ({n: 1})-[:!S*]->(b) RETURN b.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 2 |
      | 3 |
    And no side effects

  Scenario: [33] A label test in a list comprehension's WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:A {n: 1}), (:B {n: 2}), (:A:B {n: 3})
      """
    When executing query:
      """
      MATCH (n)
      WITH collect(n) AS ns
      RETURN [x IN ns WHERE x:A&!B | x.n] AS onlyA, [x IN ns WHERE (x:A|B) | x.n] AS either
      """
    Then the result should be (ignoring element order for lists):
      | onlyA | either    |
      | [1]   | [1, 2, 3] |
    And no side effects
