#include "date.h"

#include <stdio.h>
#include <string.h>

int date_days_in_month(int year, int month)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

	if (month < 1 || month > 12)
		return 0;
	return days[month - 1] + (month == 2 && leap);
}

static int digits(const char *s, int n, int *out)
{
	*out = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*out = *out * 10 + (s[i] - '0');
	}
	return 0;
}

int date_parse(const char *s, struct date *d, const char **why)
{
	size_t len = strlen(s);

	memset(d, 0, sizeof(*d));
	*why = "expected a date as YYYY-MM-DD (or YYYY-MM, YYYY)";
	if (len != 4 && len != 7 && len != 10)
		return -1;
	if (digits(s, 4, &d->year) < 0 || d->year < 1900 || d->year > 2200) {
		if (d->year)
			*why = "year out of range (1900-2200)";
		return -1;
	}
	if (len >= 7 && (s[4] != '-' || digits(s + 5, 2, &d->month) < 0))
		return -1;
	if (len == 10 && (s[7] != '-' || digits(s + 8, 2, &d->day) < 0))
		return -1;
	if (len >= 7 && (d->month < 1 || d->month > 12)) {
		*why = "month out of range (01-12)";
		return -1;
	}
	if (len == 10 && (d->day < 1 || d->day > date_days_in_month(d->year, d->month))) {
		*why = "no such day in that month";
		return -1;
	}
	return 0;
}

int date_compare(const struct date *a, const struct date *b)
{
	if (a->year != b->year)
		return a->year < b->year ? -1 : 1;
	if (a->month != b->month)
		return a->month < b->month ? -1 : 1;
	if (a->day != b->day)
		return a->day < b->day ? -1 : 1;
	return 0;
}

void date_format(const struct date *d, char out[11])
{
	if (d->day)
		snprintf(out, 11, "%04d-%02d-%02d", d->year, d->month, d->day);
	else if (d->month)
		snprintf(out, 11, "%04d-%02d", d->year, d->month);
	else
		snprintf(out, 11, "%04d", d->year);
}

void date_format_rfc3339(const struct date *d, char out[21])
{
	snprintf(out, 21, "%04d-%02d-%02dT00:00:00Z", d->year, d->month ? d->month : 1,
		 d->day ? d->day : 1);
}

void date_format_zh(const struct date *d, char out[32])
{
	if (d->day)
		snprintf(out, 32, "%d年%d月%d日", d->year, d->month, d->day);
	else if (d->month)
		snprintf(out, 32, "%d年%d月", d->year, d->month);
	else
		snprintf(out, 32, "%d年", d->year);
}
