export { RULES, type Issue, type Rule, type Severity } from './issues';
export { BackfillValidator, validateBackfill, type BackfillValidation, type CodeBalance, type ValidateBackfillInput } from './validate';
export { distributeProRata, type DistributeResult } from './distribute';
export { clearCode, fillRemaining, spreadRemaining, type AllocationPatch, type HelperResult } from './helpers';
export { AllocationHistory } from './history';
export { applyBackfill, percentComplete, type AppliedSov, type AppliedSovLine } from './apply';
