export { additiveGroups, type AdditiveGroup, type TableShape } from './additive-groups';
export {
	DEFAULT_SUPPRESSION_RULE,
	recoverableCells,
	suppressCounts,
	unsafeCells,
	type SuppressionRule
} from './suppress';
export { rateCell, type RateCell } from './suppress-rates';
