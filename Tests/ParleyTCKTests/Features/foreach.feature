# Parley's own scenarios, in the notation of the openCypher TCK: FOREACH with every update
# clause in its body, nested. Expected results are worked out by hand from the semantics the
# Neo4j Cypher Manual documents.

Feature: Foreach - update clauses run once per list element

  Scenario: [1] FOREACH with CREATE creates one node per element
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1, 2, 3] | CREATE (:N {v: x}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [2] FOREACH over a null list runs its body zero times
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN null | CREATE (:N))
      """
    Then the result should be empty
    And no side effects

  Scenario: [3] FOREACH over an empty list runs its body zero times and the row goes on
    Given an empty graph
    When executing query:
      """
      WITH 7 AS k
      FOREACH (x IN [] | CREATE (:N))
      RETURN k
      """
    Then the result should be, in any order:
      | k |
      | 7 |
    And no side effects

  Scenario: [4] A null element creates a node without that property
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1, null] | CREATE (:N {v: x}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 1 |

  Scenario: [5] FOREACH sets a property on every node of a path
    Given an empty graph
    And having executed:
      """
      CREATE (:N {v: 1})-[:R]->(:N {v: 2})-[:R]->(:N {v: 3})
      """
    When executing query:
      """
      MATCH p = (a:N {v: 1})-[:R*]->(b:N {v: 3})
      FOREACH (n IN nodes(p) | SET n.marked = true)
      """
    Then the result should be empty
    And the side effects should be:
      | +properties | 3 |
    When executing control query:
      """
      MATCH (n:N) WHERE n.marked RETURN n.v AS v ORDER BY v
      """
    Then the result should be, in order:
      | v |
      | 1 |
      | 2 |
      | 3 |

  Scenario: [6] FOREACH with MERGE creates each distinct node once
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN ['a', 'b', 'a'] | MERGE (:T {name: x}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 2 |

  Scenario: [7] FOREACH with MERGE of a relationship merges it once
    Given an empty graph
    And having executed:
      """
      CREATE (:A), (:B)
      """
    When executing query:
      """
      MATCH (a:A), (b:B)
      FOREACH (i IN [1, 2, 3] | MERGE (a)-[:R]->(b))
      """
    Then the result should be empty
    And the side effects should be:
      | +relationships | 1 |

  Scenario: [8] FOREACH with REMOVE takes away a label and a property
    Given an empty graph
    And having executed:
      """
      CREATE (:A:B {x: 1}), (:A:B {x: 2})
      """
    When executing query:
      """
      MATCH (n:A)
      WITH collect(n) AS ns
      FOREACH (n IN ns | REMOVE n:B, n.x)
      """
    Then the result should be empty
    And the side effects should be:
      | -labels     | 1 |
      | -properties | 2 |

  Scenario: [9] FOREACH with DELETE deletes unconnected nodes
    Given an empty graph
    And having executed:
      """
      CREATE (:D), (:D), (:K)
      """
    When executing query:
      """
      MATCH (d:D)
      WITH collect(d) AS ds
      FOREACH (d IN ds | DELETE d)
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes  | 2 |
      | -labels | 1 |

  Scenario: [10] FOREACH with DETACH DELETE deletes a node and its relationships
    Given an empty graph
    And having executed:
      """
      CREATE (a:D)-[:R]->(:K), (a)-[:R]->(:K)
      """
    When executing query:
      """
      MATCH (d:D)
      FOREACH (x IN [d] | DETACH DELETE x)
      """
    Then the result should be empty
    And the side effects should be:
      | -nodes         | 1 |
      | -relationships | 2 |
      | -labels        | 1 |

  Scenario: [11] FOREACH deleting a connected node without DETACH fails and changes nothing
    Given an empty graph
    And having executed:
      """
      CREATE (:D)-[:R]->(:K)
      """
    When executing query:
      """
      MATCH (d:D)
      FOREACH (x IN [d] | DELETE x)
      """
    Then a ConstraintVerificationFailed should be raised at runtime: DeleteConnectedNode

  Scenario: [12] FOREACH deletes the relationships of a path
    Given an empty graph
    And having executed:
      """
      CREATE (:S)-[:R]->()-[:R]->(:E)
      """
    When executing query:
      """
      MATCH p = (:S)-[*]->(:E)
      FOREACH (r IN relationships(p) | DELETE r)
      """
    Then the result should be empty
    And the side effects should be:
      | -relationships | 2 |

  Scenario: [13] Nested FOREACH sees the outer element
    Given an empty graph
    When executing query:
      """
      FOREACH (i IN [1, 2] | FOREACH (j IN [10, 20] | CREATE (:P {i: i, j: j})))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 4 |
      | +labels     | 1 |
      | +properties | 8 |
    When executing control query:
      """
      MATCH (p:P) RETURN p.i AS i, p.j AS j ORDER BY i, j
      """
    Then the result should be, in order:
      | i | j  |
      | 1 | 10 |
      | 1 | 20 |
      | 2 | 10 |
      | 2 | 20 |

  Scenario: [14] A nested FOREACH sees a node created earlier in the outer body
    Given an empty graph
    When executing query:
      """
      FOREACH (i IN [1, 2] |
        CREATE (p:P {i: i})
        FOREACH (j IN [1] | CREATE (p)-[:HAS]->(:C {j: j})))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes         | 4 |
      | +relationships | 2 |
      | +labels        | 2 |
      | +properties    | 4 |
    When executing control query:
      """
      MATCH (p:P)-[:HAS]->(c:C) RETURN p.i AS i, c.j AS j ORDER BY i
      """
    Then the result should be, in order:
      | i | j |
      | 1 | 1 |
      | 2 | 1 |

  Scenario: [15] FOREACH creates relationships from a matched node
    Given an empty graph
    And having executed:
      """
      CREATE (:Hub)
      """
    When executing query:
      """
      MATCH (h:Hub)
      FOREACH (name IN ['x', 'y'] | CREATE (h)-[:HAS]->(:Leaf {name: name}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes         | 2 |
      | +relationships | 2 |
      | +labels        | 1 |
      | +properties    | 2 |

  Scenario: [16] The rows go on unchanged after FOREACH
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      FOREACH (y IN [x, x] | CREATE (:N {v: y}))
      RETURN x
      """
    Then the result should be, in any order:
      | x |
      | 1 |
      | 2 |
    And the side effects should be:
      | +nodes      | 4 |
      | +labels     | 1 |
      | +properties | 4 |

  Scenario: [17] The FOREACH variable is not visible after the FOREACH
    Given any graph
    When executing query:
      """
      FOREACH (x IN [1] | CREATE (:N))
      RETURN x
      """
    Then a SyntaxError should be raised at compile time: UndefinedVariable

  Scenario: [18] A reading clause inside FOREACH is refused
    Given any graph
    When executing query:
      """
      FOREACH (x IN [1, 2] | MATCH (n) SET n.x = x)
      """
    Then a SyntaxError should be raised at compile time: InvalidClauseComposition

  Scenario: [19] FOREACH with SET += merges each map in turn
    Given an empty graph
    And having executed:
      """
      CREATE (:N)
      """
    When executing query:
      """
      MATCH (n:N)
      FOREACH (m IN [{a: 1}, {b: 2}, {a: 3}] | SET n += m)
      RETURN n.a AS a, n.b AS b
      """
    Then the result should be, in any order:
      | a | b |
      | 3 | 2 |
    And the side effects should be:
      | +properties | 2 |

  Scenario: [20] FOREACH with SET of a label
    Given an empty graph
    And having executed:
      """
      CREATE (), ()
      """
    When executing query:
      """
      MATCH (n)
      FOREACH (ignored IN [1] | SET n:Tagged)
      """
    Then the result should be empty
    And the side effects should be:
      | +labels | 1 |
    When executing control query:
      """
      MATCH (n:Tagged) RETURN count(n) AS tagged
      """
    Then the result should be, in any order:
      | tagged |
      | 2      |

  Scenario: [21] FOREACH over a CASE list writes conditionally
    Given an empty graph
    And having executed:
      """
      CREATE (:N {v: 1}), (:N {v: 2}), (:N)
      """
    When executing query:
      """
      MATCH (n:N)
      FOREACH (ignored IN CASE WHEN n.v > 1 THEN [1] ELSE [] END | SET n.big = true)
      """
    Then the result should be empty
    And the side effects should be:
      | +properties | 1 |
    When executing control query:
      """
      MATCH (n:N) WHERE n.big RETURN n.v AS v
      """
    Then the result should be, in any order:
      | v |
      | 2 |

  Scenario: [22] FOREACH inside a unit CALL subquery
    Given an empty graph
    When executing query:
      """
      UNWIND [1, 2] AS x
      CALL (x) { FOREACH (y IN range(1, x) | CREATE (:N {v: y})) }
      RETURN count(*) AS rows
      """
    Then the result should be, in any order:
      | rows |
      | 2    |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 3 |

  Scenario: [23] FOREACH with several update clauses in one body
    Given an empty graph
    And having executed:
      """
      CREATE (:Counter {n: 0})
      """
    When executing query:
      """
      MATCH (c:Counter)
      FOREACH (x IN [1, 2, 3] |
        SET c.n = c.n + x
        CREATE (:Step {x: x}))
      RETURN c.n AS n
      """
    Then the result should be, in any order:
      | n |
      | 6 |
    And the side effects should be:
      | +nodes      | 3 |
      | +labels     | 1 |
      | +properties | 4 |
      | -properties | 1 |

  Scenario: [24] FOREACH with MERGE, ON CREATE SET and ON MATCH SET
    Given an empty graph
    When executing query:
      """
      FOREACH (x IN [1, 1, 2] |
        MERGE (n:N {v: x})
          ON CREATE SET n.created = true
          ON MATCH SET n.matched = true)
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 5 |
    When executing control query:
      """
      MATCH (n:N) RETURN n.v AS v, n.created AS created, n.matched AS matched
      """
    Then the result should be, in any order:
      | v | created | matched |
      | 1 | true    | true    |
      | 2 | true    | null    |

  Scenario: [25] FOREACH over a list of lists
    Given an empty graph
    When executing query:
      """
      FOREACH (pair IN [[1, 'one'], [2, 'two']] | CREATE (:N {v: pair[0], name: pair[1]}))
      """
    Then the result should be empty
    And the side effects should be:
      | +nodes      | 2 |
      | +labels     | 1 |
      | +properties | 4 |
