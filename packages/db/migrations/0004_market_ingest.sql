CREATE TABLE "market"."ingest_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"source" text NOT NULL,
	"source_kind" text NOT NULL,
	"mapping" text NOT NULL,
	"interval" text NOT NULL,
	"content_sha256" text NOT NULL,
	"fingerprint" text NOT NULL,
	"rules" jsonb NOT NULL,
	"conflicts" text NOT NULL,
	"same_as" uuid,
	"status" text NOT NULL,
	"snapshot_id" bigint,
	"rows_read" integer NOT NULL,
	"accepted" integer NOT NULL,
	"inserted" integer NOT NULL,
	"corrections" integer NOT NULL,
	"unchanged" integer NOT NULL,
	"kept_stored" integer NOT NULL,
	"fixed" integer NOT NULL,
	"dropped" integer NOT NULL,
	"quarantined" integer NOT NULL,
	"rejected" integer NOT NULL,
	"warnings" integer NOT NULL,
	"rule_counts" jsonb NOT NULL,
	"issues_truncated" boolean DEFAULT false NOT NULL,
	"registered" text[] DEFAULT '{}'::text[] NOT NULL,
	"created_by" text NOT NULL,
	"started_at" timestamp (3) with time zone NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
CREATE TABLE "market"."ingest_issues" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"symbol" text,
	"time" timestamp (3) with time zone,
	"rule" text NOT NULL,
	"outcome" text NOT NULL,
	"message" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market"."ingest_locks" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "market"."ingest_quarantine" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"symbol" text NOT NULL,
	"interval" text NOT NULL,
	"time" timestamp (3) with time zone NOT NULL,
	"open" double precision,
	"high" double precision,
	"low" double precision,
	"close" double precision,
	"volume" double precision,
	"rules" text[] NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'held' NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp (3) with time zone,
	"release_batch_id" uuid
);
--> statement-breakpoint
ALTER TABLE "market"."ingest_issues" ADD CONSTRAINT "ingest_issues_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "market"."ingest_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market"."ingest_quarantine" ADD CONSTRAINT "ingest_quarantine_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "market"."ingest_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "market"."ingest_quarantine" ADD CONSTRAINT "ingest_quarantine_release_batch_id_ingest_batches_id_fk" FOREIGN KEY ("release_batch_id") REFERENCES "market"."ingest_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ingest_batches_fingerprint_idx" ON "market"."ingest_batches" USING btree ("fingerprint");--> statement-breakpoint
CREATE INDEX "ingest_batches_started_idx" ON "market"."ingest_batches" USING btree ("started_at");--> statement-breakpoint
CREATE INDEX "ingest_issues_batch_idx" ON "market"."ingest_issues" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "ingest_quarantine_batch_idx" ON "market"."ingest_quarantine" USING btree ("batch_id","line");--> statement-breakpoint
CREATE INDEX "ingest_quarantine_status_idx" ON "market"."ingest_quarantine" USING btree ("status","symbol");