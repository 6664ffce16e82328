-- Catalog queries by camera and time (issue 4): bounding the overlap predicate.
--
-- "start_time < :to and end_time > :from" on recording_camera_time (camera_id, start_time, end_time)
-- can only bound the scan from above: every older row of the camera is read to find the few that
-- still reach :from. A row's length is end_time - start_time, so a row that reaches :from starts after
-- :from minus the camera's longest row. These indexes answer "the camera's longest" with one probe
-- (max() reads the index backwards), and the queries add "start_time > :from - longest", which turns the
-- scan into the range [from - longest, to). Exact for rows of any length: a file longer than rotation
-- (a late keyframe, a backfilled file) only widens that camera's range. Hidden rows (deleting_since)
-- count too; that only widens the bound.
create index recording_camera_length on recording (camera_id, (end_time - start_time));

-- gaps have no upper bound at all (a camera offline for a week): the same bound for them
create index gap_camera_length on gap (camera_id, (end_time - start_time));
