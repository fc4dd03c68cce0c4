-- The audit log is append-only: updates and deletes are refused by the database itself.
-- (Tampering that bypasses this, e.g. by a superuser disabling the trigger, is what the hash chain detects.)
CREATE OR REPLACE FUNCTION governance.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'governance.audit_events is append-only: % refused', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only
  BEFORE UPDATE OR DELETE ON governance.audit_events
  FOR EACH ROW EXECUTE FUNCTION governance.refuse_audit_change();
