import assert from "node:assert/strict";
import pl from "nodejs-polars";
import {
  fillMissing,
  futureTimes,
  loadSeries,
  mapSeries,
  seriesFrame,
  seriesFromFrame,
} from "../lib/timeseries/mod.ts";

const dataDir = new URL("../data/series/", import.meta.url).pathname;

const frame = (text: string) => pl.readCSV(text);

Deno.test("AirPassengers loads with polars: 144 months from 1949, 112 passengers first, monthly", () => {
  const air = loadSeries(`${dataDir}AirPassengers.csv`);
  assert.equal(air.name, "AirPassengers");
  assert.equal(air.values.length, 144);
  assert.equal(air.values[0], 112);
  assert.equal(air.values[143], 432);
  assert.equal(air.time[0], 1949);
  assert.equal(air.frequency, 12);
  assert.equal(loadSeries(`${dataDir}LakeHuron.csv`).frequency, 1);
  assert.equal(seriesFrame(air).height, 144);
});

Deno.test("a CSV without the named column says which columns it has", () => {
  assert.throws(
    () => loadSeries(`${dataDir}AirPassengers.csv`, { column: "passengers" }),
    /AirPassengers: no column "passengers"; the columns are "time", "value"/,
  );
  const df = frame("time,passengers\n1,2\n2,3\n");
  assert.deepEqual(seriesFromFrame(df, { column: "passengers" }).values, [2, 3]);
});

Deno.test("missing values are an error naming the rows, unless a fill is chosen", () => {
  const df = frame("time,value\n1,10\n2,\n3,NaN\n4,40\n");
  assert.throws(
    () => seriesFromFrame(df, { name: "toy.csv" }),
    /column "value" of toy.csv has 2 missing value\(s\) \(NaN or empty\), at row\(s\) 2, 3; pass fill/,
  );
  assert.deepEqual(seriesFromFrame(df, { fill: "interpolate" }).values, [10, 20, 30, 40]);
  assert.deepEqual(seriesFromFrame(df, { fill: "previous" }).values, [10, 10, 10, 40]);
  const dropped = seriesFromFrame(df, { fill: "drop" });
  assert.deepEqual(dropped.values, [10, 40]);
  assert.deepEqual(dropped.time, [1, 4]);
});

Deno.test("filling at the ends uses the nearest known value", () => {
  assert.deepEqual(fillMissing([NaN, 2, NaN], "interpolate").values, [2, 2, 2]);
  assert.throws(() => fillMissing([NaN, NaN], "interpolate"), /no numbers at all/);
});

Deno.test("a missing file is named", () => {
  assert.throws(() => loadSeries("/no/such/file.csv"), /cannot read \/no\/such\/file.csv/);
});

Deno.test("log of a series, and the times after its end", () => {
  const air = loadSeries(`${dataDir}AirPassengers.csv`);
  assert.equal(mapSeries(air, Math.log).values[0], Math.log(112));
  const next = futureTimes(air, 2);
  assert.ok(Math.abs(next[0] - 1961) < 1e-3 && Math.abs(next[1] - 1961.0833) < 1e-3);
  assert.throws(
    () => mapSeries({ ...air, values: [0, 1] }, Math.log),
    /maps to -Infinity; a log needs positive/,
  );
});
