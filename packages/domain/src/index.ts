export * from "./csr/compare-csr";
export * from "./csr/parse-csr";
export * from "./insight/rejection-risk";
export * from "./issue";
export * from "./lifecycle/activation-events";
export * from "./lifecycle/apply-order-event";
export * from "./lifecycle/available-actions";
export { applyChanges, buildSuppChanges, describeConflict } from "./lifecycle/changes";
export * from "./lifecycle/editable-fields";
export * from "./lifecycle/order";
export * from "./lifecycle/stuck";
export * from "./pon/pon";
export * from "./port-type/field-limits";
export * from "./port-type/group-orders";
export * from "./port-type/order-numbers";
export * from "./port-type/port-request";
export * from "./port-type/port-type";
export * from "./port-type/validate-edit";
export * from "./port-type/validate-submission";
export * from "./rejections/map-rejection";
export * from "./rejections/rejection-reasons";
export * from "./schedule/business-days";
export * from "./schedule/civil-date";
export * from "./schedule/eastern-time";
export * from "./schedule/foc";
export * from "./schedule/foc-options";
export * from "./schemas/common";
export * from "./schemas/field-issues";
export * from "./schemas/order";
export * from "./tns/format-tn";
export {
  DEFAULT_MAX_RANGE_SIZE,
  isValidTn,
  type ParsedTn,
  type ParsedTns,
  type ParseTnsOptions,
  parseTn,
  parseTns,
} from "./tns/parse-tns";
export * from "./tns/tn-rules";
export * from "./wire/supp-content";
export { base64Input, idInput, requiredText, textInput, userIdInput } from "./wire/text";
