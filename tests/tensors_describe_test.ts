import assert from "node:assert/strict";
import { describeTensor } from "../lib/tensors/mod.ts";

Deno.test("describeTensor says what each axis holds, for ranks 0 to 5", () => {
  const cases: [number[], string][] = [
    [[], "rank 0 tensor, shape [], float32, 1 element: a single number (a scalar)"],
    [[4], "rank 1 tensor, shape [4], float32, 4 elements: a vector of 4 numbers"],
    [[3, 4], "rank 2 tensor, shape [3, 4], float32, 12 elements: a matrix of 3 rows x 4 columns"],
    [
      [4, 2, 3],
      "rank 3 tensor, shape [4, 2, 3], float32, 24 elements: 4 matrices of 2 rows x 3 columns",
    ],
    [
      [2, 4, 2, 3],
      "rank 4 tensor, shape [2, 4, 2, 3], float32, 48 elements: 2 stacks of 4 matrices of 2 rows x 3 columns",
    ],
    [
      [2, 3, 1, 2, 1],
      "rank 5 tensor, shape [2, 3, 1, 2, 1], float32, 12 elements: a 2 x 3 grid of stacks, each 1 matrix of 2 rows x 1 column",
    ],
  ];
  for (const [shape, words] of cases) assert.equal(describeTensor({ shape }), words);
});

Deno.test("describeTensor names the dtype", () => {
  assert.match(describeTensor({ shape: [2], dtype: "int32" }), /int32/);
});
