-- Derived data kept in step by the database itself, whatever process writes (as SQLite's
-- 0003_live_triggers): office_versions moves when a row the live views are built from changes,
-- and a report_days row goes when a ticket, a step or a cancelled booking of its day changes.
CREATE FUNCTION giliran_bump_office(office text) RETURNS void LANGUAGE sql AS $$
  INSERT INTO office_versions (office_id, version) VALUES (office, 1)
    ON CONFLICT (office_id) DO UPDATE SET version = office_versions.version + 1;
$$;
--> statement-breakpoint
CREATE FUNCTION giliran_tickets_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM giliran_bump_office(OLD.office_id);
    DELETE FROM report_days WHERE office_id = OLD.office_id AND date = OLD.date;
    RETURN OLD;
  END IF;
  PERFORM giliran_bump_office(NEW.office_id);
  IF TG_OP = 'UPDATE' THEN
    DELETE FROM report_days WHERE office_id = NEW.office_id AND date IN (OLD.date, NEW.date);
  ELSE
    DELETE FROM report_days WHERE office_id = NEW.office_id AND date = NEW.date;
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER tickets_changed AFTER INSERT OR UPDATE OR DELETE ON tickets FOR EACH ROW EXECUTE FUNCTION giliran_tickets_changed();
--> statement-breakpoint
CREATE FUNCTION giliran_ticket_event_added() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM report_days WHERE office_id = NEW.office_id AND date = (SELECT date FROM tickets WHERE id = NEW.ticket_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER ticket_events_added AFTER INSERT ON ticket_events FOR EACH ROW EXECUTE FUNCTION giliran_ticket_event_added();
--> statement-breakpoint
CREATE FUNCTION giliran_bookings_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.status = 'cancelled' THEN DELETE FROM report_days WHERE office_id = NEW.office_id AND date = NEW.date; END IF;
    RETURN NEW;
  ELSIF TG_OP = 'DELETE' THEN
    IF OLD.status = 'cancelled' THEN DELETE FROM report_days WHERE office_id = OLD.office_id AND date = OLD.date; END IF;
    RETURN OLD;
  END IF;
  IF NEW.status IS DISTINCT FROM OLD.status OR NEW.date IS DISTINCT FROM OLD.date OR NEW.service_id IS DISTINCT FROM OLD.service_id THEN
    DELETE FROM report_days WHERE office_id = NEW.office_id AND date IN (OLD.date, NEW.date);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER bookings_changed AFTER INSERT OR UPDATE OR DELETE ON bookings FOR EACH ROW EXECUTE FUNCTION giliran_bookings_changed();
--> statement-breakpoint
CREATE FUNCTION giliran_office_row_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN PERFORM giliran_bump_office(OLD.office_id); RETURN OLD; END IF;
  PERFORM giliran_bump_office(NEW.office_id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER counters_changed AFTER INSERT OR UPDATE OR DELETE ON counters FOR EACH ROW EXECUTE FUNCTION giliran_office_row_changed();
--> statement-breakpoint
CREATE TRIGGER services_changed AFTER INSERT OR UPDATE OR DELETE ON services FOR EACH ROW EXECUTE FUNCTION giliran_office_row_changed();
--> statement-breakpoint
CREATE FUNCTION giliran_counter_services_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE office_versions SET version = version + 1
    WHERE office_id = (SELECT office_id FROM counters WHERE id = COALESCE(NEW.counter_id, OLD.counter_id));
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER counter_services_changed AFTER INSERT OR UPDATE OR DELETE ON counter_services FOR EACH ROW EXECUTE FUNCTION giliran_counter_services_changed();
--> statement-breakpoint
CREATE FUNCTION giliran_offices_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM giliran_bump_office(NEW.id);
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER offices_changed AFTER INSERT OR UPDATE ON offices FOR EACH ROW EXECUTE FUNCTION giliran_offices_changed();
