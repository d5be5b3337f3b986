# MIL-D14 step 3 of 3, alternative (Azure CLI, REST tdeCertificates operation; needs jq).
# Run in the folder holding the .pfx, after az login. Set MILINK_SUBSCRIPTION_ID, MILINK_MI_RESOURCE_GROUP,
# MILINK_MI_NAME and MILINK_TDE_CERT_PASSWORD in the environment first. The request body (it holds the
# password) goes to a private temporary file that is removed afterwards.
set -eu
umask 077
body=$(mktemp)
trap 'rm -f "$body"' EXIT
jq -n --arg blob "$(base64 -w0 {{pfx:shell}})" --arg pw "$MILINK_TDE_CERT_PASSWORD" \
    '{properties: {privateBlob: $blob, certPassword: $pw}}' > "$body"
az rest --method post \
    --url "/subscriptions/${MILINK_SUBSCRIPTION_ID}/resourceGroups/${MILINK_MI_RESOURCE_GROUP}/providers/Microsoft.Sql/managedInstances/${MILINK_MI_NAME}/tdeCertificates?api-version=2021-11-01" \
    --body "@$body"
