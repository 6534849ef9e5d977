#define G_LOG_DOMAIN "td-xlsx-verify"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

#include "td-xlsx-verify.h"

/* libxlsxwriter 1.1.4 does not report every failed write: with a full
 * disk or a file-size limit its temporary files lose rows silently and the
 * workbook still «closes» without an error.  So the written file is read
 * back before it may replace anything: a whole zip, each sheet's XML
 * complete (CRC and closing tag) and holding every row that was written. */

static guint32
le32 (const guint8 *p)
{
  return p[0] | (p[1] << 8) | (p[2] << 16) | ((guint32) p[3] << 24);
}

static guint16
le16 (const guint8 *p)
{
  return p[0] | (p[1] << 8);
}

/* Inflates one sheet, checks its CRC and end, counts its «<row ». */
static gboolean
check_sheet (const guint8 *data,
             gsize         compressed,
             gsize         expected_size,
             guint32       expected_crc,
             guint         expected_rows)
{
  z_stream zs = { 0 };
  guint8 out[65536];
  char tail[16] = { 0 };
  gsize tail_len = 0;
  guint rows = 0;
  uLong crc = crc32 (0, Z_NULL, 0);
  gsize total = 0;
  int rc;

  if (inflateInit2 (&zs, -MAX_WBITS) != Z_OK)
    return FALSE;
  zs.next_in = (Bytef *) data;
  zs.avail_in = compressed;

  do
    {
      char window[sizeof out + sizeof tail];
      gsize n, len;

      zs.next_out = out;
      zs.avail_out = sizeof out;
      rc = inflate (&zs, Z_NO_FLUSH);
      if (rc != Z_OK && rc != Z_STREAM_END)
        break;
      n = sizeof out - zs.avail_out;
      crc = crc32 (crc, out, n);
      total += n;

      /* Count across chunk boundaries: keep the last bytes of the chunk. */
      memcpy (window, tail, tail_len);
      memcpy (window + tail_len, out, n);
      len = tail_len + n;
      for (gsize i = 0; i + 5 <= len; i++)
        if (memcmp (window + i, "<row ", 5) == 0)
          rows++;
      tail_len = MIN (len, 4);
      memcpy (tail, window + len - tail_len, tail_len);

      if (n > 0)
        {
          /* Remember the very end for the closing tag. */
          static const gsize keep = 12;
          char last[16];
          gsize m = MIN (len, keep);

          memcpy (last, window + len - m, m);
          last[m] = '\0';
          if (rc == Z_STREAM_END && !g_str_has_suffix (last, "</worksheet>"))
            {
              inflateEnd (&zs);
              return FALSE;
            }
        }
    }
  while (rc != Z_STREAM_END);
  inflateEnd (&zs);

  return rc == Z_STREAM_END && total == expected_size && crc == expected_crc && rows == expected_rows;
}

gboolean
td_xlsx_verify (const char *path,
                const guint *rows_per_sheet,
                guint        n_sheets)
{
  g_autoptr(GMappedFile) mapped = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  const guint8 *end = NULL;
  guint entries, found = 0;
  const guint8 *cd;

  if (mapped == NULL)
    return FALSE;
  data = (const guint8 *) g_mapped_file_get_contents (mapped);
  size = g_mapped_file_get_length (mapped);
  if (data == NULL || size < 22)
    return FALSE;

  for (gsize i = size - 22; i + 1 > 0 && size - i < 65536 + 22; i--)
    if (le32 (data + i) == 0x06054b50)
      {
        end = data + i;
        break;
      }
  if (end == NULL)
    return FALSE;

  entries = le16 (end + 10);
  if ((gsize) le32 (end + 16) + le32 (end + 12) > size)
    return FALSE;
  cd = data + le32 (end + 16);

  for (guint e = 0; e < entries; e++)
    {
      guint16 name_len, extra_len, comment_len;
      guint32 offset, compressed, uncompressed, crc;
      const guint8 *local;
      g_autofree char *name = NULL;
      guint sheet;

      if (cd + 46 > data + size || le32 (cd) != 0x02014b50)
        return FALSE;
      crc = le32 (cd + 16);
      compressed = le32 (cd + 20);
      uncompressed = le32 (cd + 24);
      name_len = le16 (cd + 28);
      extra_len = le16 (cd + 30);
      comment_len = le16 (cd + 32);
      offset = le32 (cd + 42);
      if (cd + 46 + name_len > data + size || (gsize) offset + 30 > size)
        return FALSE;
      name = g_strndup ((const char *) cd + 46, name_len);
      local = data + offset;
      if (le32 (local) != 0x04034b50)
        return FALSE;
      local += 30 + le16 (local + 26) + le16 (local + 28);
      if (local + compressed > data + size)
        return FALSE;

      if (sscanf (name, "xl/worksheets/sheet%u.xml", &sheet) == 1 && sheet >= 1 && sheet <= n_sheets)
        {
          if (le16 (cd + 10) != 8 ||
              !check_sheet (local, compressed, uncompressed, crc, rows_per_sheet[sheet - 1]))
            return FALSE;
          found++;
        }
      cd += 46 + name_len + extra_len + comment_len;
    }

  return found == n_sheets;
}
