# Parley's own scenarios, in the notation of the openCypher TCK: WHERE inside node and
# relationship patterns. Expected results are worked out by hand from the semantics the Neo4j
# Cypher Manual documents.

Feature: PatternWhere - WHERE inside node and relationship patterns

  Scenario: [1] A WHERE inside a node pattern filters the node
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 30}), (:P {name: 'Bob', age: 40}), (:P {name: 'Cid', age: 50}), (:P {name: 'Dee'})
      """
    When executing query:
      """
      MATCH (p:P WHERE p.age > 35) RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Bob' |
      | 'Cid' |
    And no side effects

  Scenario: [2] A node whose predicate is null is filtered out
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 30}), (:P {name: 'Bob', age: 40}), (:P {name: 'Cid', age: 50}), (:P {name: 'Dee'})
      """
    When executing query:
      """
      MATCH (p:P WHERE NOT p.age > 35) RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Ann' |
    And no side effects

  Scenario: [3] A WHERE inside a relationship pattern filters the relationship
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (x)-[r:K WHERE r.since >= 2010]->(y) RETURN x.name AS x, y.name AS y
      """
    Then the result should be, in any order:
      | x     | y     |
      | 'Bob' | 'Cid' |
      | 'Ann' | 'Cid' |
    And no side effects

  Scenario: [4] A relationship WHERE can look for a missing property
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (x)-[r:K WHERE r.since IS NULL]->(y) RETURN x.name AS x, y.name AS y
      """
    Then the result should be, in any order:
      | x     | y     |
      | 'Cid' | 'Dee' |
    And no side effects

  Scenario: [5] Node and relationship WHEREs combine with the clause's WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (x WHERE x.age < 45)-[r:K WHERE r.since > 1999]->(y)
      WHERE y.age > 45
      RETURN x.name AS x, y.name AS y
      """
    Then the result should be, in any order:
      | x     | y     |
      | 'Ann' | 'Cid' |
      | 'Bob' | 'Cid' |
    And no side effects

  Scenario: [6] A WHERE inside a pattern may read a variable bound by an earlier clause
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (a:P {name: 'Ann'})
      MATCH (a)-[:K]->(b WHERE b.age > a.age + 15)
      RETURN b.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Cid' |
    And no side effects

  Scenario: [7] A WHERE inside a pattern may not read another new variable of the same MATCH
    Given any graph
    When executing query:
      """
      MATCH (a:P), (b:P WHERE b.age > a.age) RETURN b
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [8] A WHERE inside a pattern in OPTIONAL MATCH keeps the row when nothing fits
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (p:P)
      OPTIONAL MATCH (p)-[:K]->(q WHERE q.age > 45)
      RETURN p.name AS p, q.name AS q
      """
    Then the result should be, in any order:
      | p     | q     |
      | 'Ann' | 'Cid' |
      | 'Bob' | 'Cid' |
      | 'Cid' | null  |
      | 'Dee' | null  |
    And no side effects

  Scenario: [9] A WHERE inside a pattern comprehension's pattern
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (p:P {name: 'Ann'})
      RETURN [(p)-[:K]->(q WHERE q.age >= 50) | q.name] AS names
      """
    Then the result should be, in any order:
      | names   |
      | ['Cid'] |
    And no side effects

  Scenario: [10] A WHERE inside a relationship pattern of an EXISTS subquery
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (p:P)
      WHERE EXISTS { (p)-[r:K WHERE r.since > 2015]->() }
      RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Ann' |
    And no side effects

  Scenario: [11] A WHERE inside a node pattern with a parameter
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 30}), (:P {name: 'Bob', age: 40}), (:P {name: 'Cid', age: 50}), (:P {name: 'Dee'})
      """
    And parameters are:
      | min | 45 |
    When executing query:
      """
      MATCH (p:P WHERE p.age > $min) RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Cid' |
    And no side effects

  Scenario: [12] A WHERE inside a node pattern with a label expression
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 30}), (:P:Q {name: 'Bob'}), (:P {name: 'Dee'})
      """
    When executing query:
      """
      MATCH (p:P&!Q WHERE p.age IS NULL) RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Dee' |
    And no side effects

  Scenario: [13] A WHERE inside a node pattern may hold an EXISTS subquery on its own variable
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (p:P WHERE EXISTS { (p)-[:K]->() }) RETURN p.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Ann' |
      | 'Bob' |
      | 'Cid' |
    And no side effects

  Scenario: [14] A WHERE inside an undirected relationship pattern
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (x:P {name: 'Cid'})-[r WHERE r.since < 2015]-(y) RETURN y.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Bob' |
    And no side effects

  Scenario: [15] A WHERE inside a quantified relationship holds for every repetition
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'Ann', age: 30}), (b:P {name: 'Bob', age: 40}), (c:P {name: 'Cid', age: 50}), (d:P {name: 'Dee'}),
             (a)-[:K {since: 2000}]->(b), (b)-[:K {since: 2010}]->(c), (a)-[:K {since: 2020}]->(c), (c)-[:K]->(d)
      """
    When executing query:
      """
      MATCH (:P {name: 'Ann'})-[r:K WHERE r.since >= 2000]->{2}(b) RETURN b.name AS name
      """
    Then the result should be, in any order:
      | name  |
      | 'Cid' |
    And no side effects

  Scenario: [16] A WHERE inside a pattern that is always false gives no rows
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 30}), (:P {name: 'Bob', age: 40})
      """
    When executing query:
      """
      MATCH (p:P WHERE p.age > 100) RETURN p.name AS name
      """
    Then the result should be empty
    And no side effects

  Scenario: [17] A WHERE inside a pattern on an empty graph gives no rows
    Given an empty graph
    When executing query:
      """
      MATCH (p WHERE p.age > 1)-[r WHERE r.w = 1]->(q) RETURN p, r, q
      """
    Then the result should be empty
    And no side effects

  Scenario: [18] A WHERE inside a variable-length relationship is refused
    Given any graph
    When executing query:
      """
      MATCH (a)-[r:K* WHERE size(r) > 1]->(b) RETURN a
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [19] A WHERE inside a CREATE pattern is refused
    Given any graph
    When executing query:
      """
      CREATE (n:P WHERE n.age > 1)
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [20] A WHERE inside a MERGE pattern is refused
    Given any graph
    When executing query:
      """
      MERGE (n:P WHERE n.age > 1)
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [21] A WHERE inside a pattern reads the node's own properties and a list parameter
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann', age: 30}), (:P {name: 'Bob', age: 40}), (:P {name: 'Cid', age: 50}), (:P {name: 'Dee'})
      """
    And parameters are:
      | names | ['Ann', 'Dee', 'Eve'] |
    When executing query:
      """
      MATCH (p:P WHERE p.name IN $names) RETURN p.name AS name, p.age AS age
      """
    Then the result should be, in any order:
      | name  | age  |
      | 'Ann' | 30   |
      | 'Dee' | null |
    And no side effects

  Scenario: [22] A WHERE inside a pattern with an undefined variable fails
    Given any graph
    When executing query:
      """
      MATCH (p WHERE p.age > missing) RETURN p
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [23] A WHERE inside a pattern that is null keeps nothing
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann'})
      """
    When executing query:
      """
      MATCH (p WHERE null) RETURN p
      """
    Then the result should be empty
    And no side effects

  Scenario: [24] A WHERE inside a pattern that is not a boolean is a type error
    Given an empty graph
    And having executed:
      """
      CREATE (:P {name: 'Ann'})
      """
    When executing query:
      """
      MATCH (p WHERE p.name) RETURN p
      """
    Then a TypeError should be raised at any time: InvalidArgumentType

  Scenario: [25] A COUNT subquery inside a node pattern's WHERE
    Given an empty graph
    And having executed:
      """
      CREATE (a:P {name: 'a'})-[:K]->(b:P {name: 'b'}), (a)-[:K]->(c:P {name: 'c'}), (b)-[:K]->(c), (:P {name: 'd'})
      """
    When executing query:
      """
      MATCH (p:P WHERE COUNT { (p)-->() } >= 1)-[:K]->(q)
      RETURN p.name AS p, q.name AS q
      """
    Then the result should be, in any order:
      | p   | q   |
      | 'a' | 'b' |
      | 'a' | 'c' |
      | 'b' | 'c' |
    And no side effects
