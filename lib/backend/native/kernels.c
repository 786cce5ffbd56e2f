/*
 * Native kernels for the journal's wasm backend, called from Deno through FFI
 * (see ../native.ts). Tensors stay where tfjs keeps them, in the wasm heap:
 * every function takes that heap and byte offsets into it.
 *
 * Work is split over a small pool of threads (one per core) by output rows
 * or batch items, never along a sum, so every output element is computed in
 * the same order whatever the number of threads. Matrix products go to
 * OpenBLAS (Debian's libopenblas0-pthread), told to use one thread, since
 * the pool already calls it from each core. Introduced in 04_ocr_training.
 */
#include <math.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { ROW_MAJOR = 101, NO_TRANS = 111, TRANS = 112 };
extern void cblas_sgemm(int order, int ta, int tb, int m, int n, int k, float alpha,
                        const float *a, int lda, const float *b, int ldb, float beta,
                        float *c, int ldc);
extern void openblas_set_num_threads(int n);

#define AT(off) ((float *)(heap + (off)))
#define MAX_THREADS 16

/* ---- the thread pool ---------------------------------------------------- */

typedef void (*Task)(void *ctx, int part, int parts);

static struct {
  int threads;
  atomic_int generation, pending;
  Task task;
  void *ctx;
  pthread_mutex_t lock;
  pthread_cond_t wake;
} pool = {1, 0, 0, NULL, NULL, PTHREAD_MUTEX_INITIALIZER, PTHREAD_COND_INITIALIZER};

// Workers spin (yielding) for a while between tasks, since a training step
// sends many in a row, then sleep until woken.
static void *worker(void *arg) {
  const int part = (int)(intptr_t)arg;
  int seen = 0;
  for (;;) {
    for (int spins = 0; atomic_load(&pool.generation) == seen; spins++) {
      if (spins < 20000) {
        sched_yield();
        continue;
      }
      pthread_mutex_lock(&pool.lock);
      while (atomic_load(&pool.generation) == seen) pthread_cond_wait(&pool.wake, &pool.lock);
      pthread_mutex_unlock(&pool.lock);
    }
    seen = atomic_load(&pool.generation);
    pool.task(pool.ctx, part, pool.threads);
    atomic_fetch_sub(&pool.pending, 1);
  }
  return NULL;
}

/* Start the pool: `n` threads in all (0: one per core). Returns the count. */
int jk_threads(int n) {
  static int started = 0;
  if (started) return pool.threads;
  started = 1;
  openblas_set_num_threads(1);
  if (n <= 0) n = (int)sysconf(_SC_NPROCESSORS_ONLN);
  if (n < 1) n = 1;
  if (n > MAX_THREADS) n = MAX_THREADS;
  pool.threads = 1;
  for (int i = 1; i < n; i++) {
    pthread_t t;
    if (pthread_create(&t, NULL, worker, (void *)(intptr_t)i) != 0) break;
    pthread_detach(t);
    pool.threads++;
  }
  return pool.threads;
}

/* Run task(ctx, part, parts) for every part, on all threads when `big`. */
static void parallel(Task task, void *ctx, int big) {
  if (!big || pool.threads == 1) {
    task(ctx, 0, 1);
    return;
  }
  pool.task = task;
  pool.ctx = ctx;
  atomic_store(&pool.pending, pool.threads - 1);
  pthread_mutex_lock(&pool.lock);
  atomic_fetch_add(&pool.generation, 1);
  pthread_cond_broadcast(&pool.wake);
  pthread_mutex_unlock(&pool.lock);
  task(ctx, 0, pool.threads);
  while (atomic_load(&pool.pending) > 0) sched_yield();
}

/* The share [*lo, *hi) of n items that part `part` of `parts` takes. */
static void share(int n, int part, int parts, int *lo, int *hi) {
  *lo = (int)((long)n * part / parts);
  *hi = (int)((long)n * (part + 1) / parts);
}

// Below this many multiply-adds a task runs on one thread: waking the pool
// costs more than it saves.
#define PARALLEL_WORK 200000L

/* A scratch buffer that grows and is kept between calls. */
static float *scratch;
static size_t scratch_len;
static float *workspace(size_t n) {
  if (n > scratch_len) {
    free(scratch);
    scratch = malloc(n * sizeof(float));
    scratch_len = scratch ? n : 0;
  }
  return scratch;
}

/* ---- matrix products ---------------------------------------------------- */

/* y[rows, n] (rows ld apart) += bias[n]; then relu when act == 1. */
static void bias_act(float *y, const float *bias, int rows, int n, int ld, int act) {
  if (!bias && act == 0) return;
  for (int r = 0; r < rows; r++) {
    float *row = y + (size_t)r * ld;
    if (bias)
      for (int j = 0; j < n; j++) row[j] += bias[j];
    if (act == 1)
      for (int j = 0; j < n; j++) row[j] = row[j] > 0 ? row[j] : 0;
  }
}

/* c = op(a) op(b), row-major, as one call per thread over rows or columns of c. */
typedef struct {
  int ta, tb, m, n, k, lda, ldb, ldc;
  const float *a, *b, *bias;
  float *c;
  int act;
} Gemm;

static void gemm_part(void *ctx, int part, int parts) {
  const Gemm *g = ctx;
  int lo, hi;
  if (g->m >= g->n) {
    share(g->m, part, parts, &lo, &hi);
    if (lo == hi) return;
    const float *a = g->ta ? g->a + lo : g->a + (size_t)lo * g->lda;
    cblas_sgemm(ROW_MAJOR, g->ta ? TRANS : NO_TRANS, g->tb ? TRANS : NO_TRANS, hi - lo, g->n,
                g->k, 1.0f, a, g->lda, g->b, g->ldb, 0.0f, g->c + (size_t)lo * g->ldc, g->ldc);
    bias_act(g->c + (size_t)lo * g->ldc, g->bias, hi - lo, g->n, g->ldc, g->act);
  } else {
    share(g->n, part, parts, &lo, &hi);
    if (lo == hi) return;
    const float *b = g->tb ? g->b + (size_t)lo * g->ldb : g->b + lo;
    cblas_sgemm(ROW_MAJOR, g->ta ? TRANS : NO_TRANS, g->tb ? TRANS : NO_TRANS, g->m, hi - lo,
                g->k, 1.0f, g->a, g->lda, b, g->ldb, 0.0f, g->c + lo, g->ldc);
    bias_act(g->c + lo, g->bias ? g->bias + lo : NULL, g->m, hi - lo, g->ldc, g->act);
  }
}

static void gemm(int ta, int tb, int m, int n, int k, const float *a, const float *b, float *c,
                 const float *bias, int act) {
  Gemm g = {ta, tb, m, n, k, ta ? m : k, tb ? k : n, n, a, b, bias, c, act};
  parallel(gemm_part, &g, (long)m * n * k >= PARALLEL_WORK);
}

/*
 * c[batch, m, n] = op(a) op(b), then + bias[n] and relu (act 1) if asked.
 * a_batch or b_batch of 1 broadcasts. bias is a byte offset, or -1 for none.
 */
void jk_matmul(uint8_t *heap, uint32_t a, uint32_t b, uint32_t c, int batch, int a_batch,
               int b_batch, int m, int n, int k, int ta, int tb, int64_t bias, int act) {
  for (int i = 0; i < batch; i++) {
    const float *pa = AT(a) + (size_t)(a_batch == 1 ? 0 : i) * m * k;
    const float *pb = AT(b) + (size_t)(b_batch == 1 ? 0 : i) * k * n;
    gemm(ta, tb, m, n, k, pa, pb, AT(c) + (size_t)i * m * n, bias >= 0 ? AT(bias) : NULL, act);
  }
}

/* ---- convolutions ------------------------------------------------------- */

/* A convolution's geometry, NHWC input, HWIO filter. */
typedef struct {
  int batch, h, w, c, oh, ow, oc, kh, kw, sh, sw, top, left;
} Conv;

static Conv conv_of(const int32_t *g) {
  Conv v = {g[0], g[1], g[2], g[3], g[4], g[5], g[6], g[7], g[8], g[9], g[10], g[11], g[12]};
  return v;
}

static inline void copy(float *dst, const float *src, int n) {
  for (int i = 0; i < n; i++) dst[i] = src[i];
}

/* col rows of batch items [n0, n1): each row one output position's receptive field. */
static void im2col(const float *x, float *col, Conv v, int n0, int n1) {
  const size_t patch = (size_t)v.kh * v.kw * v.c;
  for (int n = n0; n < n1; n++)
    for (int oy = 0; oy < v.oh; oy++)
      for (int ox = 0; ox < v.ow; ox++) {
        float *row = col + (((size_t)n * v.oh + oy) * v.ow + ox) * patch;
        const int ix0 = ox * v.sw - v.left;
        for (int ky = 0; ky < v.kh; ky++) {
          const int iy = oy * v.sh - v.top + ky;
          float *dst = row + (size_t)ky * v.kw * v.c;
          if (iy < 0 || iy >= v.h) {
            memset(dst, 0, sizeof(float) * v.kw * v.c);
            continue;
          }
          const float *src = x + (((size_t)n * v.h + iy) * v.w) * v.c;
          if (ix0 >= 0 && ix0 + v.kw <= v.w) {
            copy(dst, src + (size_t)ix0 * v.c, v.kw * v.c);
            continue;
          }
          for (int kx = 0; kx < v.kw; kx++) {
            const int ix = ix0 + kx;
            if (ix < 0 || ix >= v.w)
              memset(dst + (size_t)kx * v.c, 0, sizeof(float) * v.c);
            else
              copy(dst + (size_t)kx * v.c, src + (size_t)ix * v.c, v.c);
          }
        }
      }
}

/* dx of batch items [n0, n1) = the columns folded back onto where they were read. */
static void col2im(const float *col, float *dx, Conv v, int n0, int n1) {
  const size_t patch = (size_t)v.kh * v.kw * v.c, image = (size_t)v.h * v.w * v.c;
  memset(dx + n0 * image, 0, sizeof(float) * (n1 - n0) * image);
  for (int n = n0; n < n1; n++)
    for (int oy = 0; oy < v.oh; oy++)
      for (int ox = 0; ox < v.ow; ox++) {
        const float *row = col + (((size_t)n * v.oh + oy) * v.ow + ox) * patch;
        for (int ky = 0; ky < v.kh; ky++) {
          const int iy = oy * v.sh - v.top + ky;
          if (iy < 0 || iy >= v.h) continue;
          float *dst = dx + (((size_t)n * v.h + iy) * v.w) * v.c;
          for (int kx = 0; kx < v.kw; kx++) {
            const int ix = ox * v.sw - v.left + kx;
            if (ix < 0 || ix >= v.w) continue;
            const float *src = row + ((size_t)ky * v.kw + kx) * v.c;
            float *d = dst + (size_t)ix * v.c;
            for (int ch = 0; ch < v.c; ch++) d[ch] += src[ch];
          }
        }
      }
}

static int is_pointwise(Conv v) {
  return v.kh == 1 && v.kw == 1 && v.sh == 1 && v.sw == 1 && v.top == 0 && v.left == 0;
}

typedef struct {
  Conv v;
  const float *x, *f, *dy, *bias;
  float *y, *col;
  int act;
} ConvTask;

static long conv_work(Conv v) { return (long)v.batch * v.oh * v.ow * v.kh * v.kw * v.c * v.oc; }

/* Point t->col at room for every column, unless the conv is pointwise. 0 when out of memory. */
static int columns(ConvTask *t) {
  const Conv v = t->v;
  if (is_pointwise(v)) return 1;
  t->col = workspace((size_t)v.batch * v.oh * v.ow * v.kh * v.kw * v.c);
  return t->col != NULL;
}

// Forward, per share of the batch: im2col, then one product into y's rows.
static void conv_part(void *ctx, int part, int parts) {
  const ConvTask *t = ctx;
  const Conv v = t->v;
  int n0, n1;
  share(v.batch, part, parts, &n0, &n1);
  if (n0 == n1) return;
  const size_t per = (size_t)v.oh * v.ow, patch = (size_t)v.kh * v.kw * v.c;
  const float *col = t->x + n0 * per * patch;
  if (!is_pointwise(v)) {
    im2col(t->x, t->col, v, n0, n1);
    col = t->col + n0 * per * patch;
  }
  float *y = t->y + n0 * per * v.oc;
  cblas_sgemm(ROW_MAJOR, NO_TRANS, NO_TRANS, (int)((n1 - n0) * per), v.oc, (int)patch, 1.0f, col,
              (int)patch, t->f, v.oc, 0.0f, y, v.oc);
  bias_act(y, t->bias, (int)((n1 - n0) * per), v.oc, v.oc, t->act);
}

/* y[batch,oh,ow,oc] = conv(x, f) (+ bias, relu if act 1). geometry: see conv_of. */
int jk_conv2d(uint8_t *heap, uint32_t x, uint32_t f, uint32_t y, const int32_t *geometry,
              int64_t bias, int act) {
  ConvTask t = {conv_of(geometry), AT(x), AT(f), NULL, bias >= 0 ? AT(bias) : NULL, AT(y), NULL,
                act};
  if (!columns(&t)) return -1;
  parallel(conv_part, &t, conv_work(t.v) >= PARALLEL_WORK);
  return 0;
}

static void im2col_part(void *ctx, int part, int parts) {
  const ConvTask *t = ctx;
  int n0, n1;
  share(t->v.batch, part, parts, &n0, &n1);
  im2col(t->x, t->col, t->v, n0, n1);
}

/* df[kh,kw,c,oc] = im2col(x)^T dy. */
int jk_conv2d_filter_grad(uint8_t *heap, uint32_t x, uint32_t dy, uint32_t df,
                          const int32_t *geometry) {
  ConvTask t = {conv_of(geometry), AT(x), NULL, AT(dy), NULL, NULL, NULL, 0};
  const Conv v = t.v;
  const int rows = v.batch * v.oh * v.ow, patch = v.kh * v.kw * v.c;
  if (!columns(&t)) return -1;
  if (t.col) parallel(im2col_part, &t, conv_work(v) >= PARALLEL_WORK);
  gemm(1, 0, patch, v.oc, rows, t.col ? t.col : t.x, t.dy, AT(df), NULL, 0);
  return 0;
}

// Input gradient, per share of the batch: columns from dy, folded back.
static void input_grad_part(void *ctx, int part, int parts) {
  const ConvTask *t = ctx;
  const Conv v = t->v;
  int n0, n1;
  share(v.batch, part, parts, &n0, &n1);
  if (n0 == n1) return;
  const size_t per = (size_t)v.oh * v.ow, patch = (size_t)v.kh * v.kw * v.c;
  const int rows = (int)((n1 - n0) * per);
  const float *dy = t->dy + n0 * per * v.oc;
  // A pointwise convolution's columns are the input gradient itself.
  float *col = (is_pointwise(v) ? t->y : t->col) + n0 * per * patch;
  cblas_sgemm(ROW_MAJOR, NO_TRANS, TRANS, rows, (int)patch, v.oc, 1.0f, dy, v.oc, t->f, v.oc, 0.0f,
              col, (int)patch);
  if (!is_pointwise(v)) col2im(t->col, t->y, v, n0, n1);
}

/* dx = col2im(dy f^T). */
int jk_conv2d_input_grad(uint8_t *heap, uint32_t dy, uint32_t f, uint32_t dx,
                         const int32_t *geometry) {
  ConvTask t = {conv_of(geometry), NULL, AT(f), AT(dy), NULL, AT(dx), NULL, 0};
  if (!columns(&t)) return -1;
  parallel(input_grad_part, &t, conv_work(t.v) >= PARALLEL_WORK);
  return 0;
}

/* ---- pooling ------------------------------------------------------------ */

/*
 * Max pooling, NHWC; geometry as for a conv with oc = c. Windows that fall
 * wholly in the padding give -inf, as tfjs's cpu backend does.
 */
static void max_pool_part(void *ctx, int part, int parts) {
  const ConvTask *t = ctx;
  const Conv v = t->v;
  int n0, n1;
  share(v.batch, part, parts, &n0, &n1);
  for (int n = n0; n < n1; n++)
    for (int oy = 0; oy < v.oh; oy++)
      for (int ox = 0; ox < v.ow; ox++) {
        float *o = t->y + (((size_t)n * v.oh + oy) * v.ow + ox) * v.c;
        for (int ch = 0; ch < v.c; ch++) o[ch] = -INFINITY;
        for (int ky = 0; ky < v.kh; ky++) {
          const int iy = oy * v.sh - v.top + ky;
          if (iy < 0 || iy >= v.h) continue;
          for (int kx = 0; kx < v.kw; kx++) {
            const int ix = ox * v.sw - v.left + kx;
            if (ix < 0 || ix >= v.w) continue;
            const float *p = t->x + (((size_t)n * v.h + iy) * v.w + ix) * v.c;
            for (int ch = 0; ch < v.c; ch++) o[ch] = p[ch] > o[ch] ? p[ch] : o[ch];
          }
        }
      }
}

void jk_max_pool(uint8_t *heap, uint32_t x, uint32_t y, const int32_t *geometry) {
  ConvTask t = {conv_of(geometry), AT(x), NULL, NULL, NULL, AT(y), NULL, 0};
  parallel(max_pool_part, &t, (long)t.v.batch * t.v.h * t.v.w * t.v.c >= PARALLEL_WORK);
}

/*
 * dx: each window's gradient goes to its first largest input (row-major
 * order), as on tfjs's cpu backend. Branch-free over channels: find each
 * channel's maximum, then hand the gradient to the first input equal to it.
 */
#define POOL_CHUNK 64
static void max_pool_grad_part(void *ctx, int part, int parts) {
  const ConvTask *t = ctx;
  const Conv v = t->v;
  const float *in = t->x, *g = t->dy;
  float *out = t->y;
  int n0, n1;
  share(v.batch, part, parts, &n0, &n1);
  const size_t image = (size_t)v.h * v.w * v.c;
  memset(out + n0 * image, 0, sizeof(float) * (n1 - n0) * image);
  float best[POOL_CHUNK], given[POOL_CHUNK];
  int32_t open[POOL_CHUNK], bits[POOL_CHUNK], grad[POOL_CHUNK];
  for (int n = n0; n < n1; n++)
    for (int oy = 0; oy < v.oh; oy++)
      for (int ox = 0; ox < v.ow; ox++) {
        const int y0 = oy * v.sh - v.top, x0 = ox * v.sw - v.left;
        const int ky0 = y0 < 0 ? -y0 : 0, ky1 = y0 + v.kh > v.h ? v.h - y0 : v.kh;
        const int kx0 = x0 < 0 ? -x0 : 0, kx1 = x0 + v.kw > v.w ? v.w - x0 : v.kw;
        if (ky0 >= ky1 || kx0 >= kx1) continue;
        const float *go = g + (((size_t)n * v.oh + oy) * v.ow + ox) * v.c;
        for (int c0 = 0; c0 < v.c; c0 += POOL_CHUNK) {
          const int m = v.c - c0 < POOL_CHUNK ? v.c - c0 : POOL_CHUNK;
          const float *first = in + (((size_t)n * v.h + y0 + ky0) * v.w + x0 + kx0) * v.c + c0;
          for (int ch = 0; ch < m; ch++) best[ch] = first[ch], open[ch] = -1;
          memcpy(grad, go + c0, sizeof(float) * m);
          for (int ky = ky0; ky < ky1; ky++)
            for (int kx = kx0; kx < kx1; kx++) {
              const float *p = in + (((size_t)n * v.h + y0 + ky) * v.w + x0 + kx) * v.c + c0;
              for (int ch = 0; ch < m; ch++) best[ch] = p[ch] > best[ch] ? p[ch] : best[ch];
            }
          for (int ky = ky0; ky < ky1; ky++)
            for (int kx = kx0; kx < kx1; kx++) {
              const size_t at = (((size_t)n * v.h + y0 + ky) * v.w + x0 + kx) * v.c + c0;
              // Masks, not branches: the comparisons are as good as random.
              for (int ch = 0; ch < m; ch++) {
                const int32_t hit = -(int32_t)(in[at + ch] == best[ch]) & open[ch];
                open[ch] &= ~hit;
                bits[ch] = grad[ch] & hit;
              }
              memcpy(given, bits, sizeof(float) * m);
              for (int ch = 0; ch < m; ch++) out[at + ch] += given[ch];
            }
        }
      }
}

void jk_max_pool_grad(uint8_t *heap, uint32_t x, uint32_t dy, uint32_t dx,
                      const int32_t *geometry) {
  ConvTask t = {conv_of(geometry), AT(x), NULL, AT(dy), NULL, AT(dx), NULL, 0};
  parallel(max_pool_grad_part, &t, (long)t.v.batch * t.v.h * t.v.w * t.v.c >= PARALLEL_WORK);
}

/* ---- bias and optimiser ------------------------------------------------- */

/* y[n] = sum over rows of x[rows, n]: a bias gradient, summed in row order. */
void jk_sum_rows(uint8_t *heap, uint32_t x, uint32_t y, int rows, int n) {
  const float *in = AT(x);
  float *out = AT(y);
  memset(out, 0, sizeof(float) * n);
  for (int r = 0; r < rows; r++)
    for (int j = 0; j < n; j++) out[j] += in[(size_t)r * n + j];
}

typedef struct {
  const float *x, *bias;
  float *y;
  int rows, n;
} BiasTask;

static void add_bias_part(void *ctx, int part, int parts) {
  const BiasTask *t = ctx;
  int r0, r1;
  share(t->rows, part, parts, &r0, &r1);
  for (int r = r0; r < r1; r++)
    for (int j = 0; j < t->n; j++)
      t->y[(size_t)r * t->n + j] = t->x[(size_t)r * t->n + j] + t->bias[j];
}

/* y[rows, n] = x[rows, n] + bias[n]: a layer's bias, broadcast over rows. */
void jk_add_bias(uint8_t *heap, uint32_t x, uint32_t bias, uint32_t y, int rows, int n) {
  BiasTask t = {AT(x), AT(bias), AT(y), rows, n};
  parallel(add_bias_part, &t, (long)rows * n >= PARALLEL_WORK);
}

/*
 * One Adam step on one variable, in place, with tfjs's AdamOptimizer's
 * arithmetic in its order, each operation rounded to float32 (the build turns
 * off fused multiply-add), so the result is bit for bit the unfused one.
 */
void jk_adam(uint8_t *heap, uint32_t x, uint32_t g, uint32_t m, uint32_t v, int n, float beta1,
             float one_minus_beta1, float beta2, float one_minus_beta2, float one_minus_acc1,
             float one_minus_acc2, float epsilon, float neg_rate) {
  float *px = AT(x), *pm = AT(m), *pv = AT(v);
  const float *pg = AT(g);
  for (int i = 0; i < n; i++) {
    const float gi = pg[i];
    const float mi = pm[i] * beta1 + gi * one_minus_beta1;
    const float vi = pv[i] * beta2 + (gi * gi) * one_minus_beta2;
    pm[i] = mi;
    pv[i] = vi;
    const float mh = mi / one_minus_acc1, vh = vi / one_minus_acc2;
    px[i] = (mh / (sqrtf(vh) + epsilon)) * neg_rate + px[i];
  }
}

/* ---- relu --------------------------------------------------------------- */

typedef struct {
  const float *x, *dy;
  float *y;
  int n;
} MapTask;

static void relu_part(void *ctx, int part, int parts) {
  const MapTask *t = ctx;
  int lo, hi;
  share(t->n, part, parts, &lo, &hi);
  for (int i = lo; i < hi; i++) t->y[i] = t->x[i] > 0 ? t->x[i] : (t->x[i] != t->x[i] ? t->x[i] : 0);
}

/* y = max(x, 0), NaN kept, as tfjs's Relu. */
void jk_relu(uint8_t *heap, uint32_t x, uint32_t y, int n) {
  MapTask t = {AT(x), NULL, AT(y), n};
  parallel(relu_part, &t, n >= PARALLEL_WORK);
}

static void relu_grad_part(void *ctx, int part, int parts) {
  const MapTask *t = ctx;
  int lo, hi;
  share(t->n, part, parts, &lo, &hi);
  for (int i = lo; i < hi; i++) {
    const float x = t->x[i];
    t->y[i] = t->dy[i] * (x > 0 ? 1.0f : (x != x ? x : 0.0f));
  }
}

/* dx = dy * step(x): tfjs's relu gradient in one pass. */
void jk_relu_grad(uint8_t *heap, uint32_t dy, uint32_t x, uint32_t dx, int n) {
  MapTask t = {AT(x), AT(dy), AT(dx), n};
  parallel(relu_grad_part, &t, n >= PARALLEL_WORK);
}
