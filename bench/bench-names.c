#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "bench-names.h"

/* Vietnamese family names, roughly by how common they are (Nguyễn is
 * about 38%). */
static const struct { const char *name; int weight; } families[] = {
  { "Nguyễn", 380 }, { "Trần", 110 }, { "Lê", 95 }, { "Phạm", 70 }, { "Hoàng", 50 },
  { "Huỳnh", 50 }, { "Phan", 45 }, { "Vũ", 39 }, { "Võ", 39 }, { "Đặng", 21 },
  { "Bùi", 20 }, { "Đỗ", 14 }, { "Hồ", 13 }, { "Ngô", 13 }, { "Dương", 10 },
  { "Lý", 5 }, { "Đinh", 5 }, { "Trịnh", 5 }, { "Mai", 4 }, { "Tô", 4 },
  { "Hà", 4 }, { "Lương", 4 }, { "Chu", 3 }, { "Triệu", 3 }, { "Nông", 3 },
  { "Lục", 2 },
};
static const char *const middles_male[] = {
  "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Thanh", "Công", "Đình", "Xuân", "Ngọc", "Huy", "Mạnh",
};
static const char *const middles_female[] = {
  "Thị", "Thị", "Thị", "Thu", "Thanh", "Ngọc", "Hồng", "Kim", "Minh", "Phương", "Thúy",
};
static const char *const givens_male[] = {
  "An", "Anh", "Bình", "Cường", "Dũng", "Đạt", "Đức", "Giang", "Hải", "Hậu", "Hiếu", "Hòa", "Hùng",
  "Huy", "Khánh", "Long", "Nam", "Phong", "Phúc", "Quân", "Quý", "Sơn", "Tâm", "Thắng", "Thành",
  "Tiến", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Hưng", "Lâm", "Nghĩa", "Toàn", "Sáng",
};
static const char *const givens_female[] = {
  "Anh", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Lan", "Linh", "Mai", "Nga",
  "Ngọc", "Nhung", "Phương", "Thảo", "Thủy", "Trang", "Vân", "Yến", "Huyền", "Loan", "Tuyết",
};
static const char *const positions[] = {
  "Đồn trưởng", "Chính trị viên", "Phó Đồn trưởng", "Đội trưởng Đội vận động quần chúng",
  "Trưởng thôn", "Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Cán bộ tư pháp", "Giáo viên",
  "Kế toán", "Chuyên viên", "Trưởng phòng", "Phó Giám đốc Sở", "Công chức Văn hóa - Xã hội",
  "Bí thư Chi bộ", "Trưởng ban Công tác Mặt trận", "Hiệu trưởng", "Nhân viên", NULL, NULL,
};
static const char *const ranks[] = {
  "Thiếu úy", "Trung úy", "Thượng úy", "Đại úy", "Thiếu tá", "Trung tá", "Thượng tá", "Đại tá",
};
static const char *const unit_kinds[] = {
  "Đồn Biên phòng", "Xã", "Phường", "Thị trấn", "Trường Tiểu học", "Trường THCS", "Phòng",
  "Công an xã", "Ban Chỉ huy Quân sự xã", "Hội Nông dân xã",
};
static const char *const places[] = {
  "Hoành Mô", "Bắc Phong Sinh", "Pò Hèn", "Ka Long", "Móng Cái", "Đồng Văn", "Húc Động",
  "Quảng Đức", "Quảng Sơn", "Cái Chiên", "Trà Cổ", "Hải Sơn", "Bắc Sơn", "Quảng Hà", "Đầm Hà",
  "Tiên Yên", "Ba Chẽ", "Vân Đồn", "Cô Tô", "Hạ Long", "Cẩm Phả", "Uông Bí", "Đông Triều",
  "Quảng Yên", "Hải Hà", "Bình Liêu", "Đồng Tâm", "Lục Hồn", "Vô Ngại", "Tình Húc",
};
static const char *
pick (GRand              *rand,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (rand, 0, (gint32) n)];
}

#define PICK(rand, list) pick ((rand), (list), G_N_ELEMENTS (list))

static const char *
pick_family (GRand *rand)
{
  int total = 0;
  int r;

  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    total += families[i].weight;
  r = g_rand_int_range (rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (families); i++)
    {
      if (r < families[i].weight)
        return families[i].name;
      r -= families[i].weight;
    }
  return families[0].name;
}

/* Family, middle and given name, drawn in that order. */
char *
bench_person_name (GRand    *rand,
                   gboolean  female)
{
  const char *family = pick_family (rand);
  const char *middle = female ? PICK (rand, middles_female) : PICK (rand, middles_male);
  const char *given = female ? PICK (rand, givens_female) : PICK (rand, givens_male);

  return g_strdup_printf ("%s %s %s", family, middle, given);
}

/* NULL for about one person in ten: no position recorded. */
const char *
bench_position (GRand *rand)
{
  return PICK (rand, positions);
}

const char *
bench_rank (GRand *rand)
{
  return PICK (rand, ranks);
}

const char *
bench_place (GRand *rand)
{
  return PICK (rand, places);
}

const char *
bench_unit_kind (GRand *rand)
{
  return PICK (rand, unit_kinds);
}

void
bench_check (sqlite3 *handle,
             int      rc)
{
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
    {
      fprintf (stderr, "SQLite: %s\n", sqlite3_errmsg (handle));
      exit (1);
    }
}

void
bench_step (sqlite3      *handle,
            sqlite3_stmt *stmt)
{
  bench_check (handle, sqlite3_step (stmt));
  sqlite3_reset (stmt);
}
