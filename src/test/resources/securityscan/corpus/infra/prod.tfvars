region = "westeurope"
storage_connection = "DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=%%FAKE:azure-key%%;EndpointSuffix=core.windows.net"
db_admin_password = "%%FAKE:password%%"
instance_count = 3
