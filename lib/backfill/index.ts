export { RULES, type Issue, type Rule, type Severity } from './issues';
export { BackfillValidator, validateBackfill, type BackfillValidation, type CodeBalance, type ValidateBackfillInput } from './validate';
export { distributeProRata, type DistributeResult } from './distribute';
export { clearCode, emptyPatch, fillRemaining, spreadEveryCode, spreadRemaining, type AllocationPatch, type HelperResult, type SpreadEveryCodeResult } from './helpers';
export { amountForPercentComplete, isPercentEntry, type PercentEntry } from './percent-entry';
export { AllocationHistory } from './history';
export { determinedAllocation } from './determined';
export { comesBefore, describeDrafts, projectLines, type ClaimOrder, type LineProjection, type OtherDraft, type Projection } from './projection';
export { applyBackfill, backfillEffect, percentComplete, type AppliedSov, type AppliedSovLine, type BackfillEffect, type LineEffect } from './apply';
