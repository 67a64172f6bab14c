/** Every case's stream key starts with this (`case#<caseId>`); kept apart so code that only names a case's stream does not carry the aggregate. */
export const caseStreamPrefix = 'case#';

/** The stream of case `caseId`. */
export const caseStream = (caseId: string): string => `${caseStreamPrefix}${caseId}`;
