# Parley's own scenarios, in the notation of the openCypher TCK: type predicates
# (IS ::, IS NOT ::, NOT NULL, closed dynamic unions, LIST<T>). Expected results are worked out
# by hand from the semantics the Neo4j Cypher Manual documents.

Feature: TypePredicates - IS :: and IS NOT :: with types, unions and lists

  Scenario: [1] INTEGER holds for integers only
    Given any graph
    When executing query:
      """
      RETURN 1 IS :: INTEGER AS int, 1.0 IS :: INTEGER AS float, '1' IS :: INTEGER AS string, true IS :: INTEGER AS bool
      """
    Then the result should be, in any order:
      | int  | float | string | bool  |
      | true | false | false  | false |
    And no side effects

  Scenario: [2] FLOAT, STRING and BOOLEAN
    Given any graph
    When executing query:
      """
      RETURN 1.5 IS :: FLOAT AS a, 1 IS :: FLOAT AS b, 'x' IS :: STRING AS c, true IS :: BOOLEAN AS d, 'true' IS :: BOOLEAN AS e
      """
    Then the result should be, in any order:
      | a    | b     | c    | d    | e     |
      | true | false | true | true | false |
    And no side effects

  Scenario: [3] Every type includes null unless NOT NULL is appended
    Given any graph
    When executing query:
      """
      RETURN null IS :: INTEGER AS a, null IS :: INTEGER NOT NULL AS b,
             null IS NOT :: INTEGER AS c, null IS NOT :: INTEGER NOT NULL AS d
      """
    Then the result should be, in any order:
      | a    | b     | c     | d    |
      | true | false | false | true |
    And no side effects

  Scenario: [4] IS NOT :: is the negation
    Given any graph
    When executing query:
      """
      RETURN 1 IS NOT :: STRING AS a, 'x' IS NOT :: STRING AS b, 'x' IS NOT :: STRING NOT NULL AS c
      """
    Then the result should be, in any order:
      | a    | b     | c     |
      | true | false | false |
    And no side effects

  Scenario: [5] A closed dynamic union holds for a value of any of its types
    Given any graph
    When executing query:
      """
      RETURN 1 IS :: INTEGER | FLOAT AS a, 2.5 IS :: INTEGER | FLOAT AS b, 'x' IS :: INTEGER | FLOAT AS c, null IS :: INTEGER | FLOAT AS d
      """
    Then the result should be, in any order:
      | a    | b    | c     | d    |
      | true | true | false | true |
    And no side effects

  Scenario: [6] A union of NOT NULL types excludes null
    Given any graph
    When executing query:
      """
      RETURN null IS :: INTEGER NOT NULL | FLOAT NOT NULL AS a, 1 IS :: INTEGER NOT NULL | FLOAT NOT NULL AS b
      """
    Then the result should be, in any order:
      | a     | b    |
      | false | true |
    And no side effects

  Scenario: [7] A union mixing nullable and NOT NULL types is refused
    Given any graph
    When executing query:
      """
      RETURN 1 IS :: INTEGER NOT NULL | FLOAT AS x
      """
    Then a SyntaxError should be raised at compile time: InvalidTypeUnion

  Scenario: [8] LIST<T> holds when every element is a T
    Given any graph
    When executing query:
      """
      RETURN [1, 2] IS :: LIST<INTEGER> AS a, [1, 'a'] IS :: LIST<INTEGER> AS b, 1 IS :: LIST<INTEGER> AS c
      """
    Then the result should be, in any order:
      | a    | b     | c     |
      | true | false | false |
    And no side effects

  Scenario: [9] The empty list is a list of every type
    Given any graph
    When executing query:
      """
      RETURN [] IS :: LIST<INTEGER> AS a, [] IS :: LIST<STRING NOT NULL> AS b, [] IS :: LIST<NOTHING> AS c
      """
    Then the result should be, in any order:
      | a    | b    | c    |
      | true | true | true |
    And no side effects

  Scenario: [10] A null element fits a nullable element type only
    Given any graph
    When executing query:
      """
      RETURN [1, null] IS :: LIST<INTEGER> AS a, [1, null] IS :: LIST<INTEGER NOT NULL> AS b
      """
    Then the result should be, in any order:
      | a    | b     |
      | true | false |
    And no side effects

  Scenario: [11] A list of a union type and a list of ANY
    Given any graph
    When executing query:
      """
      RETURN [1, 'a'] IS :: LIST<INTEGER | STRING> AS a, [1, 'a', [2]] IS :: LIST<ANY> AS b, [1, 'a', 2.0] IS :: LIST<INTEGER | STRING> AS c
      """
    Then the result should be, in any order:
      | a    | b    | c     |
      | true | true | false |
    And no side effects

  Scenario: [12] Nested list types
    Given any graph
    When executing query:
      """
      RETURN [[1], [2, 3]] IS :: LIST<LIST<INTEGER>> AS a, [[1], 2] IS :: LIST<LIST<INTEGER>> AS b
      """
    Then the result should be, in any order:
      | a    | b     |
      | true | false |
    And no side effects

  Scenario: [13] MAP holds for maps, not lists
    Given any graph
    When executing query:
      """
      RETURN {a: 1} IS :: MAP AS a, {} IS :: MAP AS b, [1] IS :: MAP AS c
      """
    Then the result should be, in any order:
      | a    | b    | c     |
      | true | true | false |
    And no side effects

  Scenario: [14] NODE, RELATIONSHIP and PATH hold for graph elements and paths
    Given an empty graph
    And having executed:
      """
      CREATE (:A)-[:R]->(:B)
      """
    When executing query:
      """
      MATCH p = (n)-[r]->(m)
      RETURN n IS :: NODE AS a, r IS :: RELATIONSHIP AS b, p IS :: PATH AS c, n IS :: RELATIONSHIP AS d, r IS :: NODE AS e, n IS :: MAP AS f
      """
    Then the result should be, in any order:
      | a    | b    | c    | d     | e     | f     |
      | true | true | true | false | false | false |
    And no side effects

  Scenario: [15] Temporal types
    Given any graph
    When executing query:
      """
      RETURN date('2015-05-08') IS :: DATE AS a,
             localdatetime('2015-05-08T10:00') IS :: LOCAL DATETIME AS b,
             datetime('2015-05-08T10:00Z') IS :: ZONED DATETIME AS c,
             localtime('10:00') IS :: LOCAL TIME AS d,
             time('10:00Z') IS :: ZONED TIME AS e,
             duration('P1D') IS :: DURATION AS f,
             date('2015-05-08') IS :: LOCAL DATETIME AS g
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    | e    | f    | g     |
      | true | true | true | true | true | true | false |
    And no side effects

  Scenario: [16] Type synonyms and the other spellings of the predicate
    Given any graph
    When executing query:
      """
      RETURN 1 IS :: INT AS a, 'x' IS :: VARCHAR AS b, true IS :: BOOL AS c,
             1 :: INTEGER AS d, 1 IS TYPED INTEGER AS e, 1 IS NOT TYPED STRING AS f
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    | e    | f    |
      | true | true | true | true | true | true |
    And no side effects

  Scenario: [17] ANY holds for every value, NOTHING for none, NULL only for null
    Given any graph
    When executing query:
      """
      UNWIND [1, 'a', null, [1]] AS v
      RETURN v, v IS :: ANY AS anyType, v IS :: NOTHING AS nothing, v IS :: NULL AS isNull
      """
    Then the result should be, in any order:
      | v    | anyType | nothing | isNull |
      | 1    | true    | false   | false  |
      | 'a'  | true    | false   | false  |
      | null | true    | false   | true   |
      | [1]  | true    | false   | false  |
    And no side effects

  Scenario: [18] PROPERTY VALUE holds for what a property can hold
    Given any graph
    When executing query:
      """
      RETURN 1 IS :: PROPERTY VALUE AS a, [1, 2] IS :: PROPERTY VALUE AS b,
             {a: 1} IS :: PROPERTY VALUE AS c, [1, 'a'] IS :: PROPERTY VALUE AS d
      """
    Then the result should be, in any order:
      | a    | b    | c     | d     |
      | true | true | false | false |
    And no side effects

  Scenario: [19] A type predicate filters rows
    Given any graph
    When executing query:
      """
      UNWIND [1, 'a', 2.5, null, true] AS v
      WITH v WHERE v IS :: INTEGER NOT NULL | FLOAT NOT NULL
      RETURN v
      """
    Then the result should be, in any order:
      | v   |
      | 1   |
      | 2.5 |
    And no side effects

  Scenario: [20] A type predicate on properties counts missing ones as null
    Given an empty graph
    And having executed:
      """
      CREATE (:T {v: 1}), (:T {v: 'x'}), (:T)
      """
    When executing query:
      """
      MATCH (t:T)
      RETURN count(CASE WHEN t.v IS :: STRING THEN 1 END) AS strings,
             count(CASE WHEN t.v IS :: STRING NOT NULL THEN 1 END) AS setStrings
      """
    Then the result should be, in any order:
      | strings | setStrings |
      | 2       | 1          |
    And no side effects

  Scenario: [21] A type predicate binds looser than arithmetic and tighter than NOT
    Given any graph
    When executing query:
      """
      RETURN 1 + 1 IS :: INTEGER AS a, NOT 1 IS :: STRING AS b, 1 + 0.5 IS :: INTEGER AS c
      """
    Then the result should be, in any order:
      | a    | b    | c     |
      | true | true | false |
    And no side effects

  Scenario: [22] A type predicate in a list comprehension's WHERE
    Given any graph
    When executing query:
      """
      RETURN [x IN [1, 'a', 2, null] WHERE x :: INTEGER NOT NULL | x * 10] AS tens
      """
    Then the result should be, in any order:
      | tens     |
      | [10, 20] |
    And no side effects

  Scenario: [23] A type predicate on a parameter
    Given any graph
    And parameters are:
      | p | [1, 2, 3] |
    When executing query:
      """
      RETURN $p IS :: LIST<INTEGER NOT NULL> AS ints, $p IS :: LIST<FLOAT> AS floats
      """
    Then the result should be, in any order:
      | ints | floats |
      | true | false  |
    And no side effects

  Scenario: [24] An unknown type name is refused
    Given any graph
    When executing query:
      """
      RETURN 1 IS :: WHOLE_NUMBER AS x
      """
    Then a SyntaxError should be raised at compile time: UnexpectedSyntax

  Scenario: [25] LIST<NULL> and LIST<NOTHING> with a null element; ANY NOT NULL
    Given any graph
    When executing query:
      """
      RETURN [null] IS :: LIST<NOTHING> AS a, [null] IS :: LIST<NULL> AS b, null IS :: ANY NOT NULL AS c, [] IS :: LIST<NULL> AS d
      """
    Then the result should be, in any order:
      | a     | b    | c     | d    |
      | false | true | false | true |
    And no side effects

  Scenario: [26] A type predicate in a CASE
    Given any graph
    When executing query:
      """
      UNWIND [1, 'a', [1], null] AS v
      RETURN CASE WHEN v IS :: INTEGER NOT NULL THEN 'number'
                  WHEN v IS :: STRING NOT NULL THEN 'text'
                  WHEN v IS :: NULL THEN 'nothing'
                  ELSE 'other' END AS kind
      """
    Then the result should be, in any order:
      | kind      |
      | 'number'  |
      | 'text'    |
      | 'other'   |
      | 'nothing' |
    And no side effects

  Scenario: [27] The SQL spellings of the temporal types
    Given any graph
    When executing query:
      """
      RETURN datetime('2015-01-01T00:00Z') IS :: TIMESTAMP WITH TIME ZONE AS a,
             localdatetime('2015-01-01T00:00') IS :: TIMESTAMP WITHOUT TIME ZONE AS b,
             localtime('10:00') IS :: TIME WITHOUT TIME ZONE AS c,
             time('10:00Z') IS :: TIME WITH TIMEZONE AS d,
             localtime('10:00') IS :: TIME WITH TIME ZONE AS e
      """
    Then the result should be, in any order:
      | a    | b    | c    | d    | e     |
      | true | true | true | true | false |
    And no side effects

  Scenario: [28] A union of a list type and a scalar type
    Given any graph
    When executing query:
      """
      RETURN [1] IS :: LIST<INTEGER> | STRING AS a, 's' IS :: LIST<INTEGER> | STRING AS b, ['s'] IS :: LIST<INTEGER> | STRING AS c
      """
    Then the result should be, in any order:
      | a    | b    | c     |
      | true | true | false |
    And no side effects
