{
    "name": "Mail Templates: QWeb Compiled Once per Batch",
    "summary": "Render a mail template's QWeb body for many records with one compilation instead of one per record",
    "version": "18.0.1.0.0",
    "category": "Hidden/Tools",
    "website": "https://github.com/complaint-management/complaint_management",
    "author": "complaint_management contributors",
    "license": "LGPL-3",
    "depends": ["mail"],
}
