CREATE TABLE "alt"."dataset_versions" (
	"dataset_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"fields" jsonb NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dataset_versions_dataset_id_version_pk" PRIMARY KEY("dataset_id","version")
);
--> statement-breakpoint
CREATE TABLE "alt"."ingest_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"dataset_id" uuid NOT NULL,
	"dataset_version" integer NOT NULL,
	"batch_key" text NOT NULL,
	"content_sha256" text NOT NULL,
	"source" text NOT NULL,
	"snapshot_id" integer,
	"rows_read" integer NOT NULL,
	"accepted" integer NOT NULL,
	"fixed" integer NOT NULL,
	"quarantined" integer NOT NULL,
	"rejected" integer NOT NULL,
	"warnings" integer NOT NULL,
	"rule_counts" jsonb NOT NULL,
	"issues" jsonb NOT NULL,
	"issues_truncated" boolean DEFAULT false NOT NULL,
	"created_by" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "alt_ingest_batches_key_uq" UNIQUE("dataset_id","batch_key")
);
--> statement-breakpoint
CREATE TABLE "alt"."ingest_quarantine" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"batch_id" uuid NOT NULL,
	"line" integer NOT NULL,
	"entity" text NOT NULL,
	"event_time" timestamp (6) with time zone,
	"seq" integer NOT NULL,
	"available_at" timestamp (6) with time zone,
	"values" jsonb NOT NULL,
	"rules" text[] NOT NULL,
	"reason" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "features"."features" ALTER COLUMN "ttl_seconds" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD COLUMN "cadence_seconds" integer;--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD COLUMN "event_time" jsonb DEFAULT '{"kind":"point"}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alt"."datasets" ADD COLUMN "rules" jsonb DEFAULT '{}'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "alt"."dataset_versions" ADD CONSTRAINT "dataset_versions_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "alt"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alt"."ingest_batches" ADD CONSTRAINT "ingest_batches_dataset_id_datasets_id_fk" FOREIGN KEY ("dataset_id") REFERENCES "alt"."datasets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "alt"."ingest_quarantine" ADD CONSTRAINT "ingest_quarantine_batch_id_ingest_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "alt"."ingest_batches"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "alt_ingest_quarantine_batch_idx" ON "alt"."ingest_quarantine" USING btree ("batch_id");