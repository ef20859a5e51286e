# Parley's own scenarios, in the notation of the openCypher TCK: CALL subqueries, OPTIONAL CALL,
# and the EXISTS, COUNT and COLLECT subquery expressions. Expected results are worked out by
# hand from the semantics the Neo4j Cypher Manual documents.

Feature: Subqueries - CALL, OPTIONAL CALL, EXISTS, COUNT and COLLECT

  Scenario: [1] A unit subquery writes once per incoming row and passes the rows on unchanged
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS x
      CALL (x) { CREATE (:N {v: x}) }
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
      | 2 |
      | 3 |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [2] A returning subquery multiplies each row by its own rows
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL (x) { UNWIND range(1, x) AS y RETURN y }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x | y |
      | 1 | 1 |
      | 2 | 1 |
      | 2 | 2 |
    And no side effects

  Scenario: [3] A row for which a returning subquery has no rows is dropped
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      CALL (p) { MATCH (p)-[:K]->(q) RETURN q.name AS friend }
      RETURN p.name AS name, friend
      """
    Then the result should be, in any order:
      | name | friend |
      | 'a'  | 'b'    |
    And no side effects

  Scenario: [4] OPTIONAL CALL keeps a row the subquery returns nothing for, with null columns
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      OPTIONAL CALL (p) { MATCH (p)-[:K]->(q) RETURN q.name AS friend }
      RETURN p.name AS name, friend
      """
    Then the result should be, in any order:
      | name | friend |
      | 'a'  | 'b'    |
      | 'b'  | null   |
      | 'c'  | null   |
    And no side effects

  Scenario: [5] OPTIONAL CALL returning several rows behaves like CALL for that row
    Given an empty graph
    When executing query:
      """
      UNWIND [0, 2] AS n
      OPTIONAL CALL (n) { UNWIND range(1, n) AS k RETURN k }
      RETURN n, k
      """
    Then the result should be, in any order:
      | n | k    |
      | 0 | null |
      | 2 | 1    |
      | 2 | 2    |
    And no side effects

  Scenario: [6] An aggregate inside a subquery is computed per incoming row
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'}), (b:P {name: 'b'}), (:P {name: 'c'}),
             (a)-[:K]->(b), (a)-[:K]->(:Q), (b)-[:K]->(:Q)
      """
    When executing query:
      """
      MATCH (p:P)
      CALL (p) { MATCH (p)-[:K]->(q) RETURN count(q) AS n }
      RETURN p.name AS name, n
      """
    Then the result should be, in any order:
      | name | n |
      | 'a'  | 2 |
      | 'b'  | 1 |
      | 'c'  | 0 |
    And no side effects

  Scenario: [7] An importing WITH brings an outer variable into the subquery
    Given an empty graph
    When executing query:
      """
      UNWIND [10, 20] AS x
      CALL { WITH x RETURN x + 1 AS y }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x  | y  |
      | 10 | 11 |
      | 20 | 21 |
    And no side effects

  Scenario: [8] The scope clause CALL (*) imports every outer variable
    Given an empty graph
    When executing query:
      """
      WITH 1 AS a, 2 AS b
      CALL (*) { RETURN a + b AS c }
      RETURN a, b, c
      """
    Then the result should be, in any order:
      | a | b | c |
      | 1 | 2 | 3 |
    And no side effects

  Scenario: [9] An uncorrelated subquery, CALL (), still runs once per incoming row
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL () { UNWIND ['a', 'b'] AS s RETURN s }
      RETURN x, s
      """
    Then the result should be, in any order:
      | x | s   |
      | 1 | 'a' |
      | 1 | 'b' |
      | 2 | 'a' |
      | 2 | 'b' |
    And no side effects

  Scenario: [10] A variable left out of the scope clause is not visible inside
    Given any graph
    When executing query:
      """
      WITH 1 AS a
      CALL () { RETURN a AS b }
      RETURN b
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [11] Without a scope clause or an importing WITH, outer variables are not visible
    Given any graph
    When executing query:
      """
      WITH 1 AS a
      CALL { RETURN a AS b }
      RETURN b
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [12] A scope clause naming an undefined variable fails
    Given any graph
    When executing query:
      """
      CALL (nope) { RETURN 1 AS one }
      RETURN one
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [13] A UNION inside a subquery removes duplicates
    Given an empty graph
    And having executed:
      """
      CREATE (:A {v: 1}), (:B {v: 2}), (:B {v: 1})
      """
    When executing query:
      """
      CALL () {
        MATCH (a:A) RETURN a.v AS v
        UNION
        MATCH (b:B) RETURN b.v AS v
      }
      RETURN v ORDER BY v
      """
    Then the result should be, in order:
      | v |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [14] A UNION ALL inside a subquery keeps duplicates
    Given an empty graph
    And having executed:
      """
      CREATE (:A {v: 1}), (:B {v: 2}), (:B {v: 1})
      """
    When executing query:
      """
      CALL () {
        MATCH (a:A) RETURN a.v AS v
        UNION ALL
        MATCH (b:B) RETURN b.v AS v
      }
      RETURN v ORDER BY v
      """
    Then the result should be, in order:
      | v |
      | 1 |
      | 1 |
      | 2 |
    And no side effects

  Scenario: [15] A distinct UNION inside a correlated subquery removes duplicates per incoming row
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL (x) { RETURN x AS y UNION RETURN 1 AS y }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x | y |
      | 1 | 1 |
      | 2 | 2 |
      | 2 | 1 |
    And no side effects

  Scenario: [16] Parts of a UNION inside a subquery must return the same columns
    Given any graph
    When executing query:
      """
      CALL () { RETURN 1 AS a UNION RETURN 2 AS b }
      RETURN a
      """
    Then a SyntaxError should be raised at compile time: DifferentColumnsInUnion

  Scenario: [17] A subquery may not return a variable already bound outside
    Given any graph
    When executing query:
      """
      WITH 1 AS x
      CALL () { RETURN 2 AS x }
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [18] Nested subqueries import from the enclosing subquery
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL (x) {
        CALL (x) { RETURN x * 10 AS y }
        RETURN y + 1 AS z
      }
      RETURN x, z
      """
    Then the result should be, in any order:
      | x | z  |
      | 1 | 11 |
      | 2 | 21 |
    And no side effects

  Scenario: [19] ORDER BY and LIMIT inside a subquery apply per incoming row
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'}), (b:P {name: 'b'}),
             (a)-[:S {score: 3}]->(:G {id: 1}),
             (a)-[:S {score: 5}]->(:G {id: 2}),
             (b)-[:S {score: 4}]->(:G {id: 3})
      """
    When executing query:
      """
      MATCH (p:P)
      CALL (p) { MATCH (p)-[s:S]->(g) RETURN g.id AS best ORDER BY s.score DESC LIMIT 1 }
      RETURN p.name AS name, best
      """
    Then the result should be, in any order:
      | name | best |
      | 'a'  | 2    |
      | 'b'  | 3    |
    And no side effects

  Scenario: [20] Each execution of a subquery sees the writes of the executions before it
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2, 3] AS i
      CALL (i) {
        CREATE (:C {i: i})
        WITH 1 AS one
        MATCH (c:C)
        RETURN count(c) AS seen
      }
      RETURN i, seen
      """
    Then the result should be, in any order:
      | i | seen |
      | 1 | 1    |
      | 2 | 2    |
      | 3 | 3    |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [21] A subquery that writes may also return what it created
    Given an empty graph
    When executing query:
      """
      UNWIND ['x', 'y'] AS name
      CALL (name) { CREATE (n:T {name: name}) RETURN n }
      RETURN n
      """
    Then the result should be, in any order:
      | n                  |
      | (:T {name: 'x'})   |
      | (:T {name: 'y'})   |
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [22] EXISTS with a pattern keeps the rows whose pattern matches
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE EXISTS { (p)-[:K]->() }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'a'  |
    And no side effects

  Scenario: [23] EXISTS with MATCH and WHERE reads the outer variables
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE EXISTS { MATCH (p)-[:K]-(q) WHERE q.name = 'a' }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'b'  |
    And no side effects

  Scenario: [24] NOT EXISTS keeps the rows with no match
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE NOT EXISTS { (p)--() }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'c'  |
    And no side effects

  Scenario: [25] EXISTS is a boolean value outside WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      RETURN p.name AS name, EXISTS { (p)<-[:K]-() } AS known
      """
    Then the result should be, in any order:
      | name | known |
      | 'a'  | false |
      | 'b'  | true  |
      | 'c'  | false |
    And no side effects

  Scenario: [26] EXISTS over a full query is true when it returns a row, even a row of nulls
    Given any graph
    When executing query:
      """
      RETURN EXISTS { UNWIND [] AS x RETURN x } AS none,
             EXISTS { UNWIND [null] AS x RETURN x } AS nullRow
      """
    Then the result should be, in any order:
      | none  | nullRow |
      | false | true    |
    And no side effects

  Scenario: [27] EXISTS over a UNION is true when either part returns a row
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      RETURN p.name AS name, EXISTS {
        MATCH (p)-[:K]->() RETURN 1 AS x
        UNION
        MATCH (p)<-[:K]-() RETURN 1 AS x
      } AS linked
      """
    Then the result should be, in any order:
      | name | linked |
      | 'a'  | true   |
      | 'b'  | true   |
      | 'c'  | false  |
    And no side effects

  Scenario: [28] COUNT over a pattern counts its matches per row
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'}), (a)-[:K]->(:Q)
      """
    When executing query:
      """
      MATCH (p:P)
      RETURN p.name AS name, COUNT { (p)--() } AS degree
      """
    Then the result should be, in any order:
      | name | degree |
      | 'a'  | 2      |
      | 'b'  | 1      |
      | 'c'  | 0      |
    And no side effects

  Scenario: [29] COUNT over a pattern with a WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'}), (a)-[:K]->(:V {x: 1}), (a)-[:K]->(:V {x: 5}), (a)-[:K]->(:V)
      """
    When executing query:
      """
      MATCH (p:P)
      RETURN COUNT { (p)-[:K]->(v) WHERE v.x > 2 } AS big, COUNT { (p)-[:K]->(v) WHERE v.x IS NULL } AS unknown
      """
    Then the result should be, in any order:
      | big | unknown |
      | 1   | 1       |
    And no side effects

  Scenario: [30] COUNT over a full query counts rows, rows of nulls included
    Given any graph
    When executing query:
      """
      RETURN COUNT { UNWIND [1, null, 2] AS x RETURN x } AS n
      """
    Then the result should be, in any order:
      | n |
      | 3 |
    And no side effects

  Scenario: [31] COUNT in a WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE COUNT { (p)--() } = 0
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'c'  |
    And no side effects

  Scenario: [32] COUNT over a UNION counts distinct rows, over a UNION ALL every row
    Given any graph
    When executing query:
      """
      RETURN COUNT { RETURN 1 AS x UNION RETURN 1 AS x } AS distinctRows,
             COUNT { RETURN 1 AS x UNION ALL RETURN 1 AS x } AS allRows
      """
    Then the result should be, in any order:
      | distinctRows | allRows |
      | 1            | 2       |
    And no side effects

  Scenario: [33] COLLECT gives the list of its column per row, empty when there are no rows
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      RETURN p.name AS name, COLLECT { MATCH (p)--(q) RETURN q.name } AS neighbours
      """
    Then the result should be, in any order:
      | name | neighbours |
      | 'a'  | ['b']      |
      | 'b'  | ['a']      |
      | 'c'  | []         |
    And no side effects

  Scenario: [34] COLLECT keeps duplicates and nulls, in the subquery's order
    Given any graph
    When executing query:
      """
      RETURN COLLECT { UNWIND [3, null, 1, 3] AS x RETURN x ORDER BY x } AS l
      """
    Then the result should be, in any order:
      | l                  |
      | [1, 3, 3, null]    |
    And no side effects

  Scenario: [35] COLLECT with RETURN DISTINCT drops duplicates
    Given any graph
    When executing query:
      """
      RETURN COLLECT { UNWIND [2, 1, 2, 1] AS x RETURN DISTINCT x ORDER BY x } AS l
      """
    Then the result should be, in any order:
      | l      |
      | [1, 2] |
    And no side effects

  Scenario: [36] A COLLECT subquery must return exactly one column
    Given any graph
    When executing query:
      """
      MATCH (p) RETURN COLLECT { MATCH (p)-->(q) RETURN q.name, q.age } AS l
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [37] A COLLECT subquery must end with RETURN: the pattern-only form is refused
    Given any graph
    When executing query:
      """
      MATCH (p) RETURN COLLECT { (p)-->(q) } AS l
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [38] An EXISTS subquery may not write
    Given any graph
    When executing query:
      """
      MATCH (p) WHERE EXISTS { CREATE (:X) } RETURN p
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [39] A COUNT subquery may not write
    Given any graph
    When executing query:
      """
      RETURN COUNT { MATCH (n) SET n.x = 1 RETURN n } AS c
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [40] A query may not end with a returning subquery
    Given any graph
    When executing query:
      """
      CALL () { RETURN 1 AS x }
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [41] A UNION inside a subquery whose first part renames an outer variable leaves it intact
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL (x) { RETURN x AS y UNION ALL RETURN 10 AS y UNION ALL RETURN x AS y }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x | y  |
      | 1 | 1  |
      | 1 | 10 |
      | 1 | 1  |
      | 2 | 2  |
      | 2 | 10 |
      | 2 | 2  |
    And no side effects

  Scenario: [42] A UNION inside COLLECT whose first part renames an outer variable leaves it intact
    Given an empty graph
    When executing query:
      """
      WITH 1 AS x
      RETURN COLLECT { RETURN x AS y UNION ALL RETURN 10 AS y UNION ALL RETURN x AS y } AS l, x
      """
    Then the result should be, in any order:
      | l          | x |
      | [1, 10, 1] | 1 |
    And no side effects

  Scenario: [43] An importing WITH may not rename the variable it imports
    Given any graph
    When executing query:
      """
      WITH 1 AS x
      CALL { WITH x AS y RETURN y }
      RETURN y
      """
    Then a SyntaxError should be raised at compile time: InvalidImportingWith

  Scenario: [44] An importing WITH may not filter
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL { WITH x WHERE x > 1 RETURN x AS y }
      RETURN y
      """
    Then a SyntaxError should be raised at compile time: InvalidImportingWith

  Scenario: [45] A scope clause may not name a variable twice
    Given any graph
    When executing query:
      """
      WITH 1 AS x
      CALL (x, x) { RETURN x AS y }
      RETURN y
      """
    Then a SyntaxError should be raised at compile time: VariableAlreadyBound

  Scenario: [46] An uncorrelated COUNT subquery counts the whole graph for every row
    Given an empty graph
    And having executed:
      """
      CREATE (:P), (:P), (:Q)
      """
    When executing query:
      """
      MATCH (q:Q)
      RETURN COUNT { MATCH (p:P) RETURN p } AS ps, COUNT { MATCH (n:Missing) RETURN n } AS none
      """
    Then the result should be, in any order:
      | ps | none |
      | 2  | 0    |
    And no side effects

  Scenario: [47] EXISTS, COUNT and COLLECT over a pattern from a null node
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      OPTIONAL MATCH (x:Missing)
      RETURN EXISTS { (x)-->() } AS e, COUNT { (x)-->() } AS c, COLLECT { MATCH (x)-->(y) RETURN y } AS l
      """
    Then the result should be, in any order:
      | e     | c | l  |
      | false | 0 | [] |
    And no side effects

  Scenario: [48] A COLLECT subquery in a WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'a'})-[:K]->(:P {name: 'b'}), (:P {name: 'c'})
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE 'b' IN COLLECT { MATCH (p)-[:K]->(q) RETURN q.name }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name |
      | 'a'  |
    And no side effects

  Scenario: [49] A subquery that aggregates always returns a row
    Given an empty graph
    When executing query:
      """
      RETURN EXISTS { MATCH (n) RETURN count(n) AS c } AS e, COUNT { MATCH (n) RETURN count(*) AS c } AS k
      """
    Then the result should be, in any order:
      | e    | k |
      | true | 1 |
    And no side effects

  Scenario: [50] Each part of a UNION imports with its own WITH
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL {
        WITH x RETURN x AS y
        UNION
        WITH x RETURN x + 10 AS y
      }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x | y  |
      | 1 | 1  |
      | 1 | 11 |
      | 2 | 2  |
      | 2 | 12 |
    And no side effects

  Scenario: [51] A unit subquery with no incoming rows writes nothing
    Given an empty graph
    When executing query:
      """
      MATCH (n)
      CALL (n) { CREATE (:X) }
      RETURN count(*) AS c
      """
    Then the result should be, in any order:
      | c |
      | 0 |
    And no side effects

  Scenario: [52] An importing WITH * imports every outer variable
    Given any graph
    When executing query:
      """
      WITH 1 AS a, 'b' AS b
      CALL { WITH * RETURN a + 1 AS c, b + 'c' AS d }
      RETURN a, b, c, d
      """
    Then the result should be, in any order:
      | a | b   | c | d    |
      | 1 | 'b' | 2 | 'bc' |
    And no side effects

  Scenario: [53] LIMIT and SKIP inside COUNT and COLLECT subqueries
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 1}), (:N {i: 2}), (:N {i: 3})
      """
    When executing query:
      """
      RETURN COUNT { MATCH (n:N) RETURN n LIMIT 2 } AS c,
             COLLECT { MATCH (n:N) RETURN n.i ORDER BY n.i DESC SKIP 1 } AS l
      """
    Then the result should be, in any order:
      | c | l      |
      | 2 | [2, 1] |
    And no side effects

  Scenario: [54] A subquery may end with RETURN *
    Given any graph
    When executing query:
      """
      CALL () { WITH 1 AS a, 2 AS b RETURN * }
      RETURN a, b
      """
    Then the result should be, in any order:
      | a | b |
      | 1 | 2 |
    And no side effects

  Scenario: [55] Variables of a subquery that it does not return are not visible after it
    Given any graph
    When executing query:
      """
      CALL () { MATCH (n) WITH n RETURN 1 AS one }
      RETURN n
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [56] COUNT subqueries inside an aggregate
    Given an empty graph
    And having executed:
      """
      CREATE (a:N)-[:R]->(:N), (a)-[:R]->(:N), (:N)
      """
    When executing query:
      """
      MATCH (n:N)
      RETURN sum(COUNT { (n)-->() }) AS outgoing, max(COUNT { (n)--() }) AS busiest
      """
    Then the result should be, in any order:
      | outgoing | busiest |
      | 2        | 2       |
    And no side effects

  Scenario: [57] EXISTS as the value of a SET
    Given an empty graph
    And having executed:
      """
      CREATE (:N {i: 1})-[:R]->(:N {i: 2}), (:N {i: 3})
      """
    When executing query:
      """
      MATCH (n:N)
      SET n.linked = EXISTS { (n)--() }
      RETURN n.i AS i, n.linked AS linked
      """
    Then the result should be, in any order:
      | i | linked |
      | 1 | true   |
      | 2 | true   |
      | 3 | false  |
    And the side effects should be:
      | +properties | 3 |

  Scenario: [58] The parts of a UNION inside COLLECT must return the same column
    Given any graph
    When executing query:
      """
      RETURN COLLECT { RETURN 1 AS a UNION RETURN 2 AS b } AS l
      """
    Then a SyntaxError should be raised at compile time: DifferentColumnsInUnion

  Scenario: [59] OPTIONAL CALL returning an imported variable under a new name leaves the variable intact
    Given any graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      OPTIONAL CALL (x) { WITH x WHERE x > 1 RETURN x AS y }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x | y    |
      | 1 | null |
      | 2 | 2    |
    And no side effects

  Scenario: [60] OPTIONAL CALL with an importing WITH returning the variable renamed
    Given an empty graph
    When executing query:
      """
      WITH 1 AS x
      OPTIONAL CALL { WITH x MATCH (m) RETURN x AS y }
      RETURN x, y
      """
    Then the result should be, in any order:
      | x | y    |
      | 1 | null |
    And no side effects

  Scenario: [61] COUNT in ORDER BY, EXISTS in CASE and COLLECT in a list comprehension
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'})-[:K]->(b:P {name: 'b'}), (a)-[:K]->(c:P {name: 'c'}), (b)-[:K]->(c), (:P {name: 'd'})
      """
    When executing query:
      """
      MATCH (p:P)
      RETURN p.name AS name,
             CASE WHEN EXISTS { (p)-->() } THEN 'source' ELSE 'sink' END AS role,
             [x IN COLLECT { MATCH (p)-->(q) RETURN q.name ORDER BY q.name } | toUpper(x)] AS next
      ORDER BY COUNT { (p)-->() } DESC, name
      """
    Then the result should be, in order:
      | name | role     | next       |
      | 'a'  | 'source' | ['B', 'C'] |
      | 'b'  | 'source' | ['C']      |
      | 'c'  | 'sink'   | []         |
      | 'd'  | 'sink'   | []         |
    And no side effects
