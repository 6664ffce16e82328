{{/* The prefix of every object's name: the release name, with "vigil" added unless it has it. */}}
{{- define "vigil.fullname" -}}
{{- if contains "vigil" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-vigil" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{- define "vigil.labels" -}}
app.kubernetes.io/part-of: vigil
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/*
What the chart knows about each service: its module (image and labels), the HTTP port of its
application.properties, the environment name of its topic replication factor (@ConfigMapping), whether
it uses the catalog, how it mounts the recordings volume (ro, rw or not at all), whether JavaCPP
unpacks FFmpeg for it, and how long it needs to stop. deploy-check compares all of it with the services.
*/}}
{{- define "vigil.services" -}}
gateway:
  module: api-gateway
  port: 8080
  replicationFactorEnv: VIGIL_GATEWAY_TOPIC_REPLICATION_FACTOR
  catalog: true
  recordings: ro
  natives: false
  terminationGracePeriodSeconds: 30
ingest:
  module: ingest-service
  port: 8081
  replicationFactorEnv: VIGIL_INGEST_TOPICS_REPLICATION_FACTOR
  catalog: false
  recordings: none
  natives: true
  terminationGracePeriodSeconds: 30
recorder:
  module: recorder-service
  port: 8082
  replicationFactorEnv: VIGIL_RECORDER_TOPICS_REPLICATION_FACTOR
  catalog: false
  recordings: rw
  natives: false
  # closes its open files and announces them (vigil.recorder.announce-timeout is 30 s)
  terminationGracePeriodSeconds: 60
indexer:
  module: indexer-service
  port: 8083
  replicationFactorEnv: VIGIL_INDEXER_TOPIC_REPLICATION_FACTOR
  catalog: true
  recordings: rw
  natives: true
  terminationGracePeriodSeconds: 30
{{- end -}}

{{- define "vigil.postgresSecret" -}}
{{- if .Values.postgresql.existingSecret -}}
{{- .Values.postgresql.existingSecret -}}
{{- else -}}
{{- printf "%s-postgresql" (include "vigil.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "vigil.recordingsClaim" -}}
{{- if .Values.recordings.existingClaim -}}
{{- .Values.recordings.existingClaim -}}
{{- else -}}
{{- printf "%s-recordings" (include "vigil.fullname" .) -}}
{{- end -}}
{{- end -}}

{{- define "vigil.databaseUrl" -}}
{{- $p := .Values.postgresql -}}
{{- printf "postgresql://%s:%d/%s" $p.host (int $p.port) $p.database -}}
{{- if $p.urlParameters }}?{{ $p.urlParameters }}{{ end -}}
{{- end -}}

{{/* The JDBC URL (without "jdbc:"): with verify-full, pgJDBC's own sslmode and sslrootcert parameters. */}}
{{- define "vigil.jdbcUrl" -}}
{{- $p := .Values.postgresql -}}
{{- $params := list -}}
{{- with $p.urlParameters }}{{ $params = append $params . }}{{ end -}}
{{- if eq $p.tls.sslMode "verify-full" -}}
{{- $params = append $params (printf "sslmode=verify-full&sslrootcert=%s/%s" (include "vigil.postgresCaPath" .) $p.tls.caKey) -}}
{{- end -}}
{{- printf "postgresql://%s:%d/%s" $p.host (int $p.port) $p.database -}}
{{- if $params }}?{{ join "&" $params }}{{ end -}}
{{- end -}}

{{- define "vigil.exportsPath" -}}/var/cache/vigil/exports{{- end -}}
{{- define "vigil.kafkaCaPath" -}}/etc/vigil/kafka-ca{{- end -}}
{{- define "vigil.postgresCaPath" -}}/etc/vigil/postgres-ca{{- end -}}

{{- define "vigil.recordingsPath" -}}/var/lib/vigil/recordings{{- end -}}
