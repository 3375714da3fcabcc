package enum ReportGen {}
