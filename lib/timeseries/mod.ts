/**
 * Time series, part two of the journal: loading and splitting a series,
 * sliding windows and an LSTM forecaster (chapter 6); differencing, ACF and
 * PACF, ARIMA and seasonal ARIMA fitted by CSS and exact maximum likelihood
 * (checked against R), forecasts with intervals, Ljung-Box (chapter 7).
 * Imports `backend`, `data`, `nn` and `show`.
 *
 * @module
 */
export * from "./series.ts";
export * from "./split.ts";
export * from "./windows.ts";
export * from "./metrics.ts";
export * from "./baselines.ts";
export * from "./forecast.ts";
export * from "./lstm.ts";
export * from "./difference.ts";
export * from "./acf.ts";
export * from "./ljungbox.ts";
export * from "./roots.ts";
export * from "./params.ts";
export * from "./optimize.ts";
export * from "./css.ts";
export * from "./statecov.ts";
export * from "./kalman.ts";
export * from "./arima_fit.ts";
export * from "./arima.ts";
export * from "./forecast_plot.ts";
export * from "./select.ts";
