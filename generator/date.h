#ifndef POLICYSITE_DATE_H
#define POLICYSITE_DATE_H

/*
 * Calendar dates as written in content: YYYY-MM-DD, or YYYY-MM and YYYY
 * where the source gives no day. Comparison and formatting never touch
 * the clock, the time zone or the locale.
 */
struct date {
	int year, month, day;	/* month and day are 0 when not given */
};

/* Parse `s`; 0 on success, -1 if it is not one of the forms or not a real
 * day (2025-02-30). `why` then says what is wrong. */
int date_parse(const char *s, struct date *d, const char **why);

/* Negative, zero or positive; a missing month or day sorts first. */
int date_compare(const struct date *a, const struct date *b);

/* ISO form with only the parts given: "2024-04-22", "2022-10", "2022". */
void date_format(const struct date *d, char out[11]);

/* RFC 3339 midnight UTC of the first day the date covers. */
void date_format_rfc3339(const struct date *d, char out[21]);

int date_days_in_month(int year, int month);


/* Chinese display form: "2024年4月22日", "2022年10月", "2022年". */
void date_format_zh(const struct date *d, char out[32]);
#endif
