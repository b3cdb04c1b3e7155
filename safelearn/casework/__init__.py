"""What is added to a report after it is submitted: attachments, amendments' de-identified copies, links between reports."""
