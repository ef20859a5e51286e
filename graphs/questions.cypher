// Questions the seed article answers, asked of graphs/astana-2015.json.
// Each question is a comment line followed by one query; expected answers: questions.expected.

// Who hosted which talks, and when?
MATCH (s:State)-[:HOSTED]->(t:Talk)
RETURN s.name AS host, t.name AS talk, t.status AS status, coalesce(t.date, t.start_date) AS date
ORDER BY date, talk;

// Where and when will the Syria talks in Astana take place, and what will they discuss?
MATCH (t:Talk {id: 'astana-talks-2015'})
RETURN t.city AS city, t.start_date AS starts, t.end_date AS ends_before, t.status AS status, t.topics AS topics
ORDER BY starts;

// Which news outlets reported the Syria talks in Astana, and whom did each cite?
MATCH (m:Media)-[:REPORTED]->(:Talk {id: 'astana-talks-2015'})
OPTIONAL MATCH (m)-[:CITED]->(c:Media)
RETURN m.name AS outlet, c.name AS cites
ORDER BY outlet;

// Which outlets does The Diplomat rely on, directly or through another outlet?
MATCH p = (:Media {id: 'the-diplomat'})-[:CITED*1..3]->(m:Media)
RETURN m.name AS outlet, length(p) AS hops
ORDER BY hops;

// Which news agency is a state's media, and which state's?
MATCH (m:Media)-[:STATE_MEDIA_OF]->(s:State)
RETURN m.name AS agency, s.name AS state
ORDER BY agency;

// Who asked Nursultan Nazarbayev to host talks, and which state is he president of?
MATCH (g)-[r:REQUESTED]->(p:Person {id: 'nursultan-nazarbayev'})-[:PRESIDENT_OF]->(s:State)
RETURN g.name AS requester, r.request AS request, s.name AS president_of
ORDER BY requester;

// Who attended the April 2015 Moscow talks, and how did they end?
MATCH (x)-[:ATTENDED]->(t:Talk {id: 'moscow-talks-2015-04'})
RETURN x.name AS attendee, t.outcome AS outcome
ORDER BY attendee;

// What did Kazakhstan’s foreign ministry report, and who came to Astana?
MATCH (o:Government)-[r:REPORTED]->(t:Talk)<-[:ATTENDED]-(v)
RETURN o.name AS ministry, r.date AS reported, t.name AS event, t.date AS date, v.name AS visitor
ORDER BY date;

// Which talks were postponed, why, and which states remained interested in them?
MATCH (t:Talk {status: 'postponed'})<-[r:INTERESTED_IN]-(s:State)
RETURN t.name AS talk, t.postponement_reason AS reason, s.name AS interested, r.date AS reported
ORDER BY interested;

// Which rounds make up the Syrian peace talks, and how did they go?
MATCH (t:Talk)-[:PART_OF]->(:Process {id: 'syrian-peace-talks'})
RETURN t.name AS talk, t.city AS city, t.status AS status, t.outcome AS outcome
ORDER BY talk;

// What did Kazakhstan’s foreign minister say about the talks?
MATCH (p:Person)-[:FOREIGN_MINISTER_OF]->(s:State)
MATCH (p)-[c:COMMENTED_ON]->(t:Talk)
RETURN p.name AS minister, s.name AS country, t.name AS talk, c.quote AS quote
ORDER BY minister;

// Who is an ally of a government, who leads that government, and what does it govern?
MATCH (a)-[r:ALLY_OF]->(g:Government)<-[:LEADS]-(l:Person)
OPTIONAL MATCH (g)-[:GOVERNS]->(s:State)
RETURN a.name AS ally, r.hedge AS hedge, g.name AS government, l.name AS leader, s.name AS governs
ORDER BY ally;

// Who declined to attend the April 2015 Moscow talks, and why do we think so?
MATCH (x)-[r:DECLINED_TO_ATTEND]->(t:Talk {id: 'moscow-talks-2015-04'})
RETURN x.name AS who, labels(x) AS kind, r.evidence AS evidence
ORDER BY who;

// Which talks did Staffan de Mistura attend, and which did he decline?
MATCH (:Person {id: 'staffan-de-mistura'})-[r:ATTENDED|DECLINED_TO_ATTEND]->(t:Talk)
RETURN t.date AS date, t.name AS talk, type(r) AS answer
ORDER BY date;

// Whom does Washington recognize, and as what?
MATCH (s:State)-[r:RECOGNIZES]->(o:Organization)
RETURN s.name AS state, r.named_as AS called, o.name AS recognized, r.recognized_as AS as_what, r.not_recognized_as AS but_not
ORDER BY recognized;

// Which militant groups refuse peace talks, and how many rounds does that refusal cover?
MATCH (x:Militant)-[:DECLINED_TO_ATTEND]->(p:Talk)
OPTIONAL MATCH (t:Talk)-[:PART_OF]->(p)
RETURN x.name AS militants, p.name AS refuses, count(t) AS rounds
ORDER BY militants;

// With whom did Randa Kassis rule out any agreement, and who quoted her?
MATCH (m:Media)-[:QUOTED]->(k:Person {id: 'randa-kassis'})-[:RULED_OUT_AGREEMENT_WITH]->(x)
RETURN m.name AS quoted_by, x.name AS no_agreement_with
ORDER BY no_agreement_with;

// Who said what about the Syria talks in Astana?
MATCH (p:Person)-[c:COMMENTED_ON]->(:Talk {id: 'astana-talks-2015'})
RETURN p.name AS speaker, c.statement AS statement, c.quote AS quote
ORDER BY speaker;

// Who has agreed to come to talks?
MATCH (x)-[r:AGREED_TO_ATTEND]->(t:Talk)
RETURN x.name AS who, t.name AS talk, r.wording AS wording
ORDER BY who;

// What happened at the 2010 OSCE summit in Astana?
MATCH (c:Talk)-[:PART_OF]->(s:Talk {id: 'osce-summit-2010'})<-[:CONVENED]-(o:Organization)
MATCH (w)-[d:DELAYED]->(c)<-[q:SPOKE_AT]-(n:Person)
RETURN o.name AS convened_by, s.outcome AS outcome, w.name AS delayed_by, d.delayed_by AS delay, n.name AS speaker, q.quote AS quote
ORDER BY speaker;

// Who took part in the 2013 nuclear talks in Almaty, and what larger negotiation were they part of?
MATCH (x)-[:ATTENDED]->(t:Talk {id: 'almaty-talks-2013'})-[:PART_OF]->(p:Process)
RETURN x.name AS participant, t.city AS city, p.name AS negotiation, p.status AS status
ORDER BY participant;

// With which states does Kazakhstan have good relations?
MATCH (:State {id: 'kazakhstan'})-[:HAS_GOOD_RELATIONS_WITH]->(s:State)
RETURN s.name AS state
ORDER BY state;

// Which outlet quoted whom?
MATCH (m:Media)-[:QUOTED]->(p:Person)
RETURN m.name AS outlet, p.name AS person, p.role AS role
ORDER BY outlet, person;

// What did the analysts say, and about what?
MATCH (p:Person)-[c:COMMENTED_ON]->(x)
WHERE p.role CONTAINS 'analyst'
RETURN p.name AS analyst, x.name AS about, c.quote AS quote
ORDER BY analyst, about;

// How many talks are there of each status?
MATCH (t:Talk)
RETURN t.status AS status, count(*) AS talks
ORDER BY status;

// For every state, how many talks did it host or attend?
MATCH (s:State)
OPTIONAL MATCH (s)-[:HOSTED|ATTENDED]->(t:Talk)
RETURN s.name AS state, count(t) AS talks
ORDER BY talks DESC, state;

// What is the shortest chain linking Staffan de Mistura to Nursultan Nazarbayev?
MATCH p = (a {id: 'staffan-de-mistura'})-[*..4]-(b {id: 'nursultan-nazarbayev'})
RETURN length(p) AS hops, nodes(p)[1].id AS via1, nodes(p)[2].id AS via2
ORDER BY hops
LIMIT 1;

// Which talks had a date and were under way on 26 May 2015?
MATCH (t:Talk)
WHERE (t.date IS NOT NULL OR t.start_date IS NOT NULL) AND validAt(t, '2015-05-26')
RETURN t.name AS talk
ORDER BY talk;

// What was scheduled as of 8 May 2015 but not yet under way?
MATCH (t:Talk {status: 'scheduled'})
WHERE NOT validAt(t, '2015-05-08')
RETURN t.name AS talk, t.start_date AS starts
ORDER BY talk;

// What had already happened by 1 May 2015, oldest first?
MATCH (t:Talk {status: 'held'})
WHERE (t.date IS NOT NULL OR t.start_date IS NOT NULL) AND NOT validBetween(t, '2015-05-01', '2100')
RETURN t.name AS talk, coalesce(t.date, t.start_date) AS when
ORDER BY when, talk;

// Who was attending which talks on 15 April 2015?
MATCH (who)-[a:ATTENDED]->(t:Talk)
WHERE validAt(a, '2015-04-15') AND validAt(who, '2015-04-15') AND validAt(t, '2015-04-15')
RETURN who.name AS who, t.name AS talk
ORDER BY who, talk;

// Which states were interested in which talks in mid-February 2015?
MATCH (s:State)-[i:INTERESTED_IN]->(t:Talk)
WHERE validAt(i, '2015-02-15') AND validAt(t, '2015-02-15')
RETURN s.name AS state, t.name AS talk
ORDER BY state;
