#include "content.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int content_init(struct content *c, const char *tag)
{
	snprintf(c->dir, sizeof(c->dir), "/tmp/policysite-%s-XXXXXX", tag);
	c->count = 0;
	return mkdtemp(c->dir) ? 0 : -1;
}

void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

const char *content_add(struct content *c, const char *name, const char *text)
{
	char *path = c->paths[c->count++], buf[sizeof(c->paths[0])];

	snprintf(buf, sizeof(buf), "%s/%s", c->dir, name);
	memcpy(path, buf, sizeof(buf));
	if (!text)
		mkdir(path, 0700);
	else if (strcmp(text, "-"))
		write_text(path, text);
	return path;
}

void content_remove(struct content *c)
{
	while (c->count--)
		remove(c->paths[c->count]);
	rmdir(c->dir);
}
