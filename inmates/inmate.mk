# Builds autojail's own inmates for a Jailhouse cell (linked at cell-virtual
# 0) outside autojail's build tree; `autojail build` runs it for the images
# cells.yml names as inmate:NAME, with the project's cross compiler:
#
#   make -f inmate.mk CROSS_COMPILE=aarch64-linux-gnu- OUT=DIR DIR/gpio-demo.bin

SRC := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
include $(SRC)/flags.mk

CROSS_COMPILE ?= aarch64-linux-gnu-
OUT ?= .
CC := $(CROSS_COMPILE)gcc
OBJCOPY := $(CROSS_COMPILE)objcopy
OBJ := $(OUT)/.inmate-obj
LIB_OBJS := $(patsubst %,$(OBJ)/%.o,$(basename $(INMATE_LIB_SRCS)))
HDRS := $(INMATE_LIB_HDRS:%=$(SRC)/lib/%)

.SECONDARY:
.DELETE_ON_ERROR:

$(OBJ)/%.o: $(SRC)/lib/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(INMATE_CFLAGS_COMMON) -I$(SRC)/lib -c -o $@ $<
$(OBJ)/%.o: $(SRC)/lib/%.S $(SRC)/lib/platform.h
	@mkdir -p $(@D)
	$(CC) $(INMATE_CFLAGS_COMMON) -I$(SRC)/lib -c -o $@ $<
$(OBJ)/demo-%.o: $(SRC)/demos/%.c $(HDRS)
	@mkdir -p $(@D)
	$(CC) $(INMATE_CFLAGS_COMMON) -I$(SRC)/lib -c -o $@ $<
$(OBJ)/%.elf: $(OBJ)/demo-%.o $(LIB_OBJS) $(INMATE_LDS:%=$(SRC)/lib/%)
	$(CC) $(INMATE_LDFLAGS_COMMON) -L$(SRC)/lib -T $(SRC)/lib/cell.ld -o $@ $< $(LIB_OBJS) -lgcc
$(OUT)/%.bin: $(OBJ)/%.elf
	$(OBJCOPY) -O binary $< $@
