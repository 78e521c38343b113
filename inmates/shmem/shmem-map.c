/* Mapping the shared page: see shmem-map.h. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "inmates/shmem/shmem-map.h"
#include "po/i18n.h"

/* The size of uio map 0 from sysfs, or 0 when it cannot be read. */
static uint64_t uio_map_size(const char *dev)
{
	const char *name = strrchr(dev, '/') ? strrchr(dev, '/') + 1 : dev;
	char path[256];
	unsigned long long size = 0;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/uio/%s/maps/map0/size", name);
	f = fopen(path, "r");
	if (!f)
		return 0;
	if (fscanf(f, "%llx", &size) != 1)
		size = 0;
	fclose(f);
	return size;
}

int shmem_map_open(struct shmem_map *m, enum shmem_source src, const char *path,
		   uint64_t offset, size_t size, char *err, size_t errlen)
{
	long page = sysconf(_SC_PAGESIZE);
	uint64_t map_off, skip, limit = 0;
	bool bounded = false;    /* whether LIMIT is known; a file of 0 bytes has one */
	struct stat st;
	void *p;
	int fd;

	memset(m, 0, sizeof(*m));
	/* O_SYNC makes /dev/mem map uncached, as the inmate (MMU off) sees it. */
	fd = open(path, O_RDWR | (src == SHMEM_DEVMEM ? O_SYNC : 0));
	if (fd < 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	if (src == SHMEM_FILE) {
		if (fstat(fd, &st) < 0) {
			snprintf(err, errlen, "%s: %s", path, strerror(errno));
			close(fd);
			return -1;
		}
		limit = (uint64_t)st.st_size;
		bounded = true;
	} else if (src == SHMEM_UIO) {
		limit = uio_map_size(path);
		bounded = limit != 0;
	}
	/* Touching a mapping past the end of what backs it raises SIGBUS. */
	if (bounded && (offset > limit || size > limit - offset)) {
		snprintf(err, errlen, _("%s: %zu bytes at offset 0x%" PRIx64
					" do not fit its 0x%" PRIx64 " bytes"),
			 path, size, offset, limit);
		close(fd);
		return -1;
	}
	/* uio selects map N by offset N pages; we always use map 0. */
	skip = offset % (uint64_t)page;
	map_off = src == SHMEM_UIO ? 0 : offset - skip;
	if (src == SHMEM_UIO)
		skip = offset;
	m->map_len = (size_t)(skip + size);
	p = mmap(NULL, m->map_len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, (off_t)map_off);
	close(fd);
	if (p == MAP_FAILED) {
		snprintf(err, errlen, _("%s: cannot map 0x%zx bytes at 0x%" PRIx64 ": %s"), path,
			 size, offset, strerror(errno));
		return -1;
	}
	m->map = p;
	m->bytes = (volatile uint8_t *)p + skip;
	m->size = size;
	return 0;
}

void shmem_map_close(struct shmem_map *m)
{
	if (m->map)
		munmap(m->map, m->map_len);
	memset(m, 0, sizeof(*m));
}
