-- The workers table moves to the schema packages/jobs owns, rows and primary key with it: a
-- heartbeat recorded before the move still counts afterwards, so no live worker's work is swept.
CREATE SCHEMA "jobs";
--> statement-breakpoint
ALTER TABLE "features"."workers" SET SCHEMA "jobs";
