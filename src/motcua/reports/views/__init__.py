"""Pages of the reports: the officers' dashboards (``officer``) and the public statistics page
(``public``)."""
