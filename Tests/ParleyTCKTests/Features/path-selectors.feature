# Parley's own scenarios, in the notation of the openCypher TCK: path selectors (ANY, ANY k,
# ANY SHORTEST, SHORTEST k, ALL SHORTEST, SHORTEST k GROUPS) and shortestPath/allShortestPaths
# as expressions. Expected results are worked out by hand from the semantics the Neo4j Cypher
# Manual documents.
#
# Most scenarios use one graph: from s, the paths to t are s-a-t, s-b-t (2 hops) and s-c-b-t (3).

Feature: PathSelectors - selecting among the paths between two nodes

  Scenario: [1] ANY SHORTEST gives one shortest path
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ANY SHORTEST (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
    And no side effects

  Scenario: [2] SHORTEST 1 gives one shortest path
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 1 (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
    And no side effects

  Scenario: [3] ALL SHORTEST gives every path of the shortest length
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ALL SHORTEST (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN [x IN nodes(p) | x.n] AS via
      """
    Then the result should be, in any order:
      | via             |
      | ['s', 'a', 't'] |
      | ['s', 'b', 't'] |
    And no side effects

  Scenario: [4] SHORTEST k gives the k shortest paths
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 3 (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
      | 2   |
      | 3   |
    And no side effects

  Scenario: [5] SHORTEST k with more than the number of paths gives them all
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 10 (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN count(p) AS paths
      """
    Then the result should be, in any order:
      | paths |
      | 3     |
    And no side effects

  Scenario: [6] SHORTEST 1 GROUPS gives every path of the shortest length
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 1 GROUPS (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
      | 2   |
    And no side effects

  Scenario: [7] SHORTEST k GROUPS gives every path whose length is among the k smallest
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 2 GROUPS (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN length(p) AS len, count(*) AS paths
      """
    Then the result should be, in any order:
      | len | paths |
      | 2   | 2     |
      | 3   | 1     |
    And no side effects

  Scenario: [8] ANY gives one path
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ANY (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN count(p) AS paths, min(length(p)) >= 2 AS long
      """
    Then the result should be, in any order:
      | paths | long |
      | 1     | true |
    And no side effects

  Scenario: [9] ANY k gives k paths
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ANY 2 (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN count(DISTINCT p) AS paths
      """
    Then the result should be, in any order:
      | paths |
      | 2     |
    And no side effects

  Scenario: [10] ALL, like no selector, gives every path
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ALL (:X {n: 's'})-[:E]->+(:X {n: 't'})
      RETURN [x IN nodes(p) | x.n] AS via
      """
    Then the result should be, in any order:
      | via                  |
      | ['s', 'a', 't']      |
      | ['s', 'b', 't']      |
      | ['s', 'c', 'b', 't'] |
    And no side effects

  Scenario: [11] A selector with no matching path gives no rows
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ANY SHORTEST (:X {n: 't'})-[:E]->+(:X {n: 's'})
      RETURN p
      """
    Then the result should be empty
    And no side effects

  Scenario: [12] With one end unbound, each end node is a partition of its own
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = ANY SHORTEST (:X {n: 's'})-[:E]->+(x)
      RETURN x.n AS x, length(p) AS len
      """
    Then the result should be, in any order:
      | x   | len |
      | 'a' | 1   |
      | 'b' | 1   |
      | 'c' | 1   |
      | 't' | 2   |
    And no side effects

  Scenario: [13] The MATCH's WHERE filters the paths before the selector chooses
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 1 (:X {n: 's'})-[:E]->+(:X {n: 't'})
      WHERE length(p) > 2
      RETURN [x IN nodes(p) | x.n] AS via
      """
    Then the result should be, in any order:
      | via                  |
      | ['s', 'c', 'b', 't'] |
    And no side effects

  Scenario: [14] Filtering after the selector, in a WITH, can leave nothing
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH p = SHORTEST 1 (:X {n: 's'})-[:E]->+(:X {n: 't'})
      WITH p WHERE length(p) > 2
      RETURN p
      """
    Then the result should be empty
    And no side effects

  Scenario: [15] ANY SHORTEST from a node back to itself finds the shortest cycle
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(a)
      """
    When executing query:
      """
      MATCH (a:C {i: 0})
      MATCH p = ANY SHORTEST (a)-[:R]->+(a)
      RETURN length(p) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
    And no side effects

  Scenario: [16] A selector over a quantified path pattern with group variables
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH SHORTEST 2 GROUPS (:X {n: 's'}) ((u)-[:E]->(v)){1,} (:X {n: 't'})
      RETURN [x IN v | x.n] AS reached
      """
    Then the result should be, in any order:
      | reached         |
      | ['a', 't']      |
      | ['b', 't']      |
      | ['c', 'b', 't'] |
    And no side effects

  Scenario: [17] A selector needs a quantified part in its pattern
    Given any graph
    When executing query:
      """
      MATCH p = ANY SHORTEST (a)-[:E]->(b) RETURN p
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [18] shortestPath as an expression gives the path
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH (s:X {n: 's'}), (t:X {n: 't'})
      RETURN length(shortestPath((s)-[:E*]->(t))) AS len
      """
    Then the result should be, in any order:
      | len |
      | 2   |
    And no side effects

  Scenario: [19] shortestPath as an expression is null when there is no path
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH (s:X {n: 's'}), (t:X {n: 't'})
      RETURN shortestPath((t)-[:E*]->(s)) AS p
      """
    Then the result should be, in any order:
      | p    |
      | null |
    And no side effects

  Scenario: [20] allShortestPaths as an expression gives a list of paths, empty when there is none
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH (s:X {n: 's'}), (t:X {n: 't'})
      RETURN size(allShortestPaths((s)-[:E*]->(t))) AS forward, size(allShortestPaths((t)-[:E*]->(s))) AS backward
      """
    Then the result should be, in any order:
      | forward | backward |
      | 2       | 0        |
    And no side effects

  Scenario: [21] shortestPath inside a list comprehension, once per element
    Given an empty graph
    And having executed:
      """
      CREATE (s:X {n: 's'}), (a:X {n: 'a'}), (b:X {n: 'b'}), (c:X {n: 'c'}), (t:X {n: 't'}),
             (s)-[:E]->(a), (a)-[:E]->(t), (s)-[:E]->(b), (b)-[:E]->(t), (s)-[:E]->(c), (c)-[:E]->(b)
      """
    When executing query:
      """
      MATCH (s:X {n: 's'}), (e:X) WHERE e.n IN ['a', 't']
      WITH s, collect(e) AS ends
      RETURN [e IN ends | length(shortestPath((s)-[:E*]->(e)))] AS lengths
      """
    Then the result should be (ignoring element order for lists):
      | lengths |
      | [1, 2]  |
    And no side effects

  Scenario: [22] A selector in OPTIONAL MATCH keeps the row when there is no path
    Given an empty graph
    And having executed:
      """
      CREATE (:X {n: 's'})-[:E]->(:X {n: 't'})
      """
    When executing query:
      """
      MATCH (t:X {n: 't'})
      OPTIONAL MATCH p = ANY SHORTEST (t)-[:E]->+(b)
      RETURN t.n AS t, p
      """
    Then the result should be, in any order:
      | t   | p    |
      | 't' | null |
    And no side effects

  Scenario: [23] A selector partitions the paths by both of their ends
    Given an empty graph
    And having executed:
      """
      CREATE (a:X {n: 'a'}), (b:X {n: 'b'}), (t:X {n: 't'}), (m:X {n: 'm'}),
             (a)-[:E]->(t), (a)-[:E]->(m), (m)-[:E]->(t), (b)-[:E]->(m)
      """
    When executing query:
      """
      MATCH p = SHORTEST 1 (x:X)-[:E]->+(:X {n: 't'})
      RETURN x.n AS x, length(p) AS len
      """
    Then the result should be, in any order:
      | x   | len |
      | 'a' | 1   |
      | 'b' | 2   |
      | 'm' | 1   |
    And no side effects

  Scenario: [24] SHORTEST 2 over undirected relationships around a cycle
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(:C {i: 2})-[:R]->(a)
      """
    When executing query:
      """
      MATCH p = SHORTEST 2 (:C {i: 0})-[:R]-+(:C {i: 1})
      RETURN [n IN nodes(p) | n.i] AS via
      """
    Then the result should be, in any order:
      | via       |
      | [0, 1]    |
      | [0, 2, 1] |
    And no side effects

  Scenario: [25] ALL SHORTEST over undirected relationships keeps only the shortest
    Given an empty graph
    And having executed:
      """
      CREATE (a:C {i: 0})-[:R]->(:C {i: 1})-[:R]->(:C {i: 2})-[:R]->(a)
      """
    When executing query:
      """
      MATCH p = ALL SHORTEST (:C {i: 0})-[:R]-+(:C {i: 1})
      RETURN [n IN nodes(p) | n.i] AS via
      """
    Then the result should be, in any order:
      | via    |
      | [0, 1] |
    And no side effects

  Scenario: [26] A selector with no start node gives no rows
    Given an empty graph
    When executing query:
      """
      MATCH p = ANY SHORTEST (a:Nope)-->+(b)
      RETURN p
      """
    Then the result should be empty
    And no side effects
