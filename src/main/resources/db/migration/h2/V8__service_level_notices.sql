-- The service-level notices sent for a user task of a story: the reminder when it is overdue
-- (KIND 'overdue') and the escalation (KIND 'escalated'), at most once each. The service-level
-- sweep (dev.storyflow.servicelevel.ServiceLevelSweep) inserts a row in the transaction that writes
-- the notification, so of several nodes sweeping at the same time exactly one sends it (the primary
-- key refuses the others). Rows of tasks that are no longer open are deleted by the sweep.
CREATE TABLE SF_SERVICE_LEVEL_NOTICE (
  TASK_ID VARCHAR(64) NOT NULL,
  KIND VARCHAR(16) NOT NULL,
  STORY_ID VARCHAR(64),
  SENT_AT TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (TASK_ID, KIND)
);
