/** Who works in the restaurant and at what pace: what every scenario, run and report shares. */
export interface Staffing {
  producers: number;
  consumers: number;
  capacity: number;
  producerPeriodS: number;
  consumerMinS: number;
  consumerMaxS: number;
}
