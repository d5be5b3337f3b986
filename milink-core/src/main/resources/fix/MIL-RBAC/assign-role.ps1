# Run as someone who may assign roles on the managed instance (Owner or User Access Administrator).
# Replace <object-id> with the object id of the user, group or service principal that creates the link.
New-AzRoleAssignment -ObjectId '<object-id>' -RoleDefinitionName 'SQL Managed Instance Contributor' -Scope {{scope:powershell}}
