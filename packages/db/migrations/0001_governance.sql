CREATE SCHEMA "governance";
--> statement-breakpoint
CREATE TABLE "governance"."audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp (6) with time zone NOT NULL,
	"actor" text NOT NULL,
	"roles" text[] NOT NULL,
	"action" text NOT NULL,
	"resource" text NOT NULL,
	"details" jsonb NOT NULL,
	"request_id" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance"."audit_head" (
	"chain" text PRIMARY KEY NOT NULL,
	"last_id" bigint NOT NULL,
	"last_hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "governance"."entitlements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"subject" text NOT NULL,
	"resource" text NOT NULL,
	"granted_by" text NOT NULL,
	"granted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	"revoked_by" text,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "governance"."audit_events" USING btree ("actor","at");--> statement-breakpoint
CREATE INDEX "audit_events_resource_idx" ON "governance"."audit_events" USING btree ("resource","at");--> statement-breakpoint
CREATE INDEX "entitlements_subject_idx" ON "governance"."entitlements" USING btree ("subject");--> statement-breakpoint
CREATE UNIQUE INDEX "entitlements_active_uq" ON "governance"."entitlements" USING btree ("subject","resource") WHERE "governance"."entitlements"."revoked_at" is null;