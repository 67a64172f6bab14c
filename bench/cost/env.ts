// Imported before anything that loads the functions: they log and emit metrics as they do on AWS
// (the settings infra/constructs/banjian-function.ts gives every function), not as `npm start` does
// (pretty-printed, metrics off), and the SDK keeps quiet about Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
Object.assign(process.env, {
  POWERTOOLS_LOG_LEVEL: 'INFO',
  POWERTOOLS_SERVICE_NAME: 'banjian',
  POWERTOOLS_METRICS_NAMESPACE: 'Banjian',
  POWERTOOLS_DEV: 'false',
  POWERTOOLS_METRICS_DISABLED: 'false',
});
// Locally every answer may be checked against its schema; on AWS it is not, and that time is not billed.
delete process.env.BANJIAN_CHECK_RESPONSES;
