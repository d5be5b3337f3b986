# Run as someone who may assign roles on the managed instance (Owner or User Access Administrator).
# Replace <assignee> with the user, group or service principal that runs milink and creates the link.
az role assignment create --assignee '<assignee>' --role 'SQL Managed Instance Contributor' --scope {{scope:shell}}
