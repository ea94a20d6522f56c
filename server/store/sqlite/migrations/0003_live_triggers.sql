-- Derived data kept in step by the database itself, whatever connection or process writes:
-- office_versions moves when a row the live views are built from changes (queueView reuses an
-- office's day snapshot while its number stands still), and a report_days row goes when a
-- ticket, a step or a cancelled booking of its day changes (the report job makes it again).
CREATE TRIGGER `tickets_after_insert` AFTER INSERT ON `tickets` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
  DELETE FROM `report_days` WHERE `office_id` = NEW.`office_id` AND `date` = NEW.`date`;
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_after_update` AFTER UPDATE ON `tickets` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
  DELETE FROM `report_days` WHERE `office_id` = NEW.`office_id` AND `date` IN (OLD.`date`, NEW.`date`);
END;
--> statement-breakpoint
CREATE TRIGGER `tickets_after_delete` AFTER DELETE ON `tickets` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (OLD.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
  DELETE FROM `report_days` WHERE `office_id` = OLD.`office_id` AND `date` = OLD.`date`;
END;
--> statement-breakpoint
CREATE TRIGGER `ticket_events_after_insert` AFTER INSERT ON `ticket_events` BEGIN
  DELETE FROM `report_days` WHERE `office_id` = NEW.`office_id` AND `date` = (SELECT `date` FROM `tickets` WHERE `id` = NEW.`ticket_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_after_insert` AFTER INSERT ON `bookings` WHEN NEW.`status` = 'cancelled' BEGIN
  DELETE FROM `report_days` WHERE `office_id` = NEW.`office_id` AND `date` = NEW.`date`;
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_after_update` AFTER UPDATE OF `status`, `date`, `service_id` ON `bookings` BEGIN
  DELETE FROM `report_days` WHERE `office_id` = NEW.`office_id` AND `date` IN (OLD.`date`, NEW.`date`);
END;
--> statement-breakpoint
CREATE TRIGGER `bookings_after_delete` AFTER DELETE ON `bookings` WHEN OLD.`status` = 'cancelled' BEGIN
  DELETE FROM `report_days` WHERE `office_id` = OLD.`office_id` AND `date` = OLD.`date`;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_after_insert` AFTER INSERT ON `counters` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_after_update` AFTER UPDATE ON `counters` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counters_after_delete` AFTER DELETE ON `counters` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (OLD.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `counter_services_after_insert` AFTER INSERT ON `counter_services` BEGIN
  UPDATE `office_versions` SET `version` = `version` + 1 WHERE `office_id` = (SELECT `office_id` FROM `counters` WHERE `id` = NEW.`counter_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `counter_services_after_update` AFTER UPDATE ON `counter_services` BEGIN
  UPDATE `office_versions` SET `version` = `version` + 1 WHERE `office_id` = (SELECT `office_id` FROM `counters` WHERE `id` = NEW.`counter_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `counter_services_after_delete` AFTER DELETE ON `counter_services` BEGIN
  UPDATE `office_versions` SET `version` = `version` + 1 WHERE `office_id` = (SELECT `office_id` FROM `counters` WHERE `id` = OLD.`counter_id`);
END;
--> statement-breakpoint
CREATE TRIGGER `services_after_insert` AFTER INSERT ON `services` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `services_after_update` AFTER UPDATE ON `services` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `services_after_delete` AFTER DELETE ON `services` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (OLD.`office_id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
CREATE TRIGGER `offices_after_update` AFTER UPDATE ON `offices` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
--> statement-breakpoint
-- Every office has its row from the start (counter_services only moves an existing one).
INSERT OR IGNORE INTO `office_versions` (`office_id`, `version`) SELECT `id`, 0 FROM `offices`;
--> statement-breakpoint
CREATE TRIGGER `offices_after_insert` AFTER INSERT ON `offices` BEGIN
  INSERT INTO `office_versions` (`office_id`, `version`) VALUES (NEW.`id`, 1)
    ON CONFLICT (`office_id`) DO UPDATE SET `version` = `version` + 1;
END;
