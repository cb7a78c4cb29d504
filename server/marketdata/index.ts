export type { InstrumentCatalog, MarketDataSource } from './types.ts';
export { createMarketData, DEFAULT_TICK_INTERVAL_MS, MAX_HISTORY_BARS, type MarketDataConfig, type SimulatedMarketData } from './marketData.ts';
export { loadInstruments, DEFAULT_INSTRUMENTS_FILE } from './loadInstruments.ts';
export { createCatalog } from './catalog.ts';
export { InstrumentFileError, parseInstrumentFile } from './instrumentFile.ts';
export { Simulator, type SimulatorOptions } from './simulator.ts';
export { BarAggregator, DEFAULT_BAR_CAPACITY } from './barAggregator.ts';
export type { TickBar } from './tickBar.ts';
export type { SimUpdate, Trade } from './symbolWalk.ts';
