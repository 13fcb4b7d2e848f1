-- Run numbers per story (1, 2, 3, ...) come from a counter row per story, never from MAX + 1:
-- RunStore increments it with UPDATE ... SET LAST_NUMBER = LAST_NUMBER + 1, which locks the
-- row until the run's row is committed, so parallel runs of one story get distinct numbers.
CREATE TABLE SF_AGENT_RUN_COUNTER (
  PROC_INST_ID VARCHAR(64) NOT NULL,
  LAST_NUMBER INTEGER NOT NULL,
  CONSTRAINT PK_SF_AGENT_RUN_COUNTER PRIMARY KEY (PROC_INST_ID)
);

-- stories that already have runs go on from their last number
INSERT INTO SF_AGENT_RUN_COUNTER (PROC_INST_ID, LAST_NUMBER)
  SELECT PROC_INST_ID, MAX(RUN_NUMBER) FROM SF_AGENT_RUN GROUP BY PROC_INST_ID;
