/*
 * sc_ioctl_gpio.c: the arguments of GPIO character device requests
 * (0xb4, <linux/gpio.h>), as data for lib/sc_ioctl_struct.c.
 */
#include <linux/gpio.h>
#include <stdint.h>
#include <string.h>

#include "sc_ioctl_struct.h"
#include "xlat.h"

static const struct ioc_field chipinfo_f[] = {
	IOC_F(struct gpiochip_info, name, IF_STR),
	IOC_F(struct gpiochip_info, label, IF_STR),
	IOC_F(struct gpiochip_info, lines, IF_U),
};
IOC_S(chipinfo_s, struct gpiochip_info, chipinfo_f);

static const struct ioc_field lineinfo_in_f[] = {
	IOC_F(struct gpioline_info, line_offset, IF_U),
};
IOC_S(lineinfo_in_s, struct gpioline_info, lineinfo_in_f);
static const struct ioc_field lineinfo_out_f[] = {
	IOC_FX(struct gpioline_info, flags, IF_FLAGS, &ptc__xt_gpio_line_flags,
	    "GPIOLINE_FLAG_???"),
	IOC_F(struct gpioline_info, name, IF_STR),
	IOC_F(struct gpioline_info, consumer, IF_STR),
};
IOC_S(lineinfo_out_s, struct gpioline_info, lineinfo_out_f);

static const struct ioc_field offset_f[] = {
	IOC_FO("offset", 0, 4, IF_U, NULL, NULL),
};
static const struct ioc_struct offset_s = { 4, 1, offset_f, 0, 0, 0 };

#define HANDLE_FLAGS(type, m) IOC_FX(type, m, IF_FLAGS, \
	&ptc__xt_gpio_handle_flags, "GPIOHANDLE_REQUEST_???")
/* field 0 counts the two arrays */
static const struct ioc_field handle_req_f[] = {
	IOC_F(struct gpiohandle_request, lines, IF_U),
	IOC_FARRN(struct gpiohandle_request, lineoffsets, IF_U, 4, 0, NULL,
	    NULL, 0),
	HANDLE_FLAGS(struct gpiohandle_request, flags),
	IOC_FARRN(struct gpiohandle_request, default_values, IF_U, 1, 0, NULL,
	    NULL, 0),
	IOC_F(struct gpiohandle_request, consumer_label, IF_STR),
};
IOC_S(handle_req_s, struct gpiohandle_request, handle_req_f);
static const struct ioc_field handle_fd_f[] = {
	IOC_F(struct gpiohandle_request, fd, IF_FD),
};
IOC_S(handle_fd_s, struct gpiohandle_request, handle_fd_f);

static const struct ioc_field event_req_f[] = {
	IOC_F(struct gpioevent_request, lineoffset, IF_U),
	HANDLE_FLAGS(struct gpioevent_request, handleflags),
	IOC_FX(struct gpioevent_request, eventflags, IF_FLAGS,
	    &ptc__xt_gpio_event_flags, "GPIOEVENT_REQUEST_???"),
	IOC_F(struct gpioevent_request, consumer_label, IF_STR),
};
IOC_S(event_req_s, struct gpioevent_request, event_req_f);
static const struct ioc_field event_fd_f[] = {
	IOC_F(struct gpioevent_request, fd, IF_FD),
};
IOC_S(event_fd_s, struct gpioevent_request, event_fd_f);

static const struct ioc_field data_f[] = {
	IOC_FARR(struct gpiohandle_data, values, IF_U, 1),
};
IOC_S(data_s, struct gpiohandle_data, data_f);

static const struct ioc_field handle_config_f[] = {
	HANDLE_FLAGS(struct gpiohandle_config, flags),
	IOC_FARR(struct gpiohandle_config, default_values, IF_U, 1),
};
IOC_S(handle_config_s, struct gpiohandle_config, handle_config_f);

/*
 * A v2 line attribute: the member its id names, or all of it raw when
 * the padding is in use or the id unknown.
 */
static void
attr_fields(struct ptc__dc *c, const struct gpio_v2_line_attribute *a)
{
	if (a->padding != 0 || a->id < GPIO_V2_LINE_ATTR_ID_FLAGS ||
	    a->id > GPIO_V2_LINE_ATTR_ID_DEBOUNCE) {
		ptc__s_field(c, "id");
		ptc__p_uint(c, a->id);
		if (a->padding != 0) {
			ptc__s_field(c, "padding");
			ptc__p_hex(c, a->padding);
		}
		ptc__s_field(c, "data");
		ptc__p_hex(c, a->values);
		return;
	}
	switch (a->id) {
	case GPIO_V2_LINE_ATTR_ID_FLAGS:
		ptc__s_field(c, "flags");
		ptc__p_flags_unk(c, &ptc__xt_gpio_v2_line_flags, a->flags,
		    "GPIO_V2_LINE_FLAG_???");
		break;
	case GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES:
		ptc__s_field(c, "values");
		ptc__p_hex(c, a->values);
		break;
	default:
		ptc__s_field(c, "debounce_period_us");
		ptc__p_uint(c, a->debounce_period_us);
	}
}

static void
attr(struct ptc__dc *c, const unsigned char *p)
{
	struct gpio_v2_line_attribute a;

	memcpy(&a, p, sizeof(a));
	ptc__s_open(c);
	attr_fields(c, &a);
	ptc__s_close(c);
}

/* A configuration's attribute: inline, or as "attr=" when raw. */
static void
config_attr(struct ptc__dc *c, const unsigned char *p)
{
	struct gpio_v2_line_config_attribute a;

	memcpy(&a, p, sizeof(a));
	ptc__s_open(c);
	if (a.attr.padding != 0) {
		ptc__s_field(c, "attr");
		ptc__s_open(c);
		attr_fields(c, &a.attr);
		ptc__s_close(c);
	} else {
		attr_fields(c, &a.attr);
	}
	ptc__s_field(c, "mask");
	ptc__p_hex(c, a.mask);
	ptc__s_close(c);
}

#define V2_FLAGS(type, m) IOC_FX(type, m, IF_FLAGS, \
	&ptc__xt_gpio_v2_line_flags, "GPIO_V2_LINE_FLAG_???")
#define PADDING(type) { "padding", offsetof(type, padding), 4, IF_ARRAY, \
	IF_X, sizeof(((type *)0)->padding) / 4, NULL, NULL, NULL, IO_NZ, 0, \
	NULL, 0, NULL }
static const struct ioc_field config_f[] = {
	V2_FLAGS(struct gpio_v2_line_config, flags),
	IOC_F(struct gpio_v2_line_config, num_attrs, IF_U),
	PADDING(struct gpio_v2_line_config),
	IOC_FARRN(struct gpio_v2_line_config, attrs, IF_FN,
	    sizeof(struct gpio_v2_line_config_attribute), 1, NULL,
	    config_attr, IO_OMIT0),
};
IOC_S(config_s, struct gpio_v2_line_config, config_f);

static const struct ioc_field v2info_in_f[] = {
	IOC_F(struct gpio_v2_line_info, offset, IF_U),
};
IOC_S(v2info_in_s, struct gpio_v2_line_info, v2info_in_f);
static const struct ioc_field v2info_out_f[] = {
	IOC_F(struct gpio_v2_line_info, name, IF_STR),
	IOC_F(struct gpio_v2_line_info, consumer, IF_STR),
	V2_FLAGS(struct gpio_v2_line_info, flags),
	IOC_F(struct gpio_v2_line_info, num_attrs, IF_U),
	IOC_FARRN(struct gpio_v2_line_info, attrs, IF_FN,
	    sizeof(struct gpio_v2_line_attribute), 3, NULL, attr, IO_OMIT0),
	PADDING(struct gpio_v2_line_info),
};
IOC_S(v2info_out_s, struct gpio_v2_line_info, v2info_out_f);

static const struct ioc_field v2req_f[] = {
	IOC_F(struct gpio_v2_line_request, num_lines, IF_U),
	IOC_FARRN(struct gpio_v2_line_request, offsets, IF_U, 4, 0, NULL,
	    NULL, 0),
	IOC_F(struct gpio_v2_line_request, consumer, IF_STR),
	IOC_FSUB(struct gpio_v2_line_request, config, &config_s),
	{ "event_buffer_size", offsetof(struct gpio_v2_line_request,
	    event_buffer_size), 4, IF_U, 0, 0, NULL, NULL, NULL, IO_NZ, 0,
	    NULL, 0, NULL },
	PADDING(struct gpio_v2_line_request),
};
IOC_S(v2req_s, struct gpio_v2_line_request, v2req_f);
static const struct ioc_field v2req_fd_f[] = {
	IOC_F(struct gpio_v2_line_request, fd, IF_FD),
};
IOC_S(v2req_fd_s, struct gpio_v2_line_request, v2req_fd_f);

static const struct ioc_field mask_f[] = {
	IOC_F(struct gpio_v2_line_values, mask, IF_X),
};
IOC_S(mask_s, struct gpio_v2_line_values, mask_f);
static const struct ioc_field bits_f[] = {
	IOC_F(struct gpio_v2_line_values, bits, IF_X),
};
IOC_S(bits_s, struct gpio_v2_line_values, bits_f);
static const struct ioc_field values_f[] = {
	IOC_F(struct gpio_v2_line_values, bits, IF_X),
	IOC_F(struct gpio_v2_line_values, mask, IF_X),
};
IOC_S(values_s, struct gpio_v2_line_values, values_f);

static const struct ioc_req reqs[] = {
	{ GPIO_GET_CHIPINFO_IOCTL, IR_OUT, NULL, &chipinfo_s, 0, NULL },
	{ GPIO_GET_LINEINFO_IOCTL, IR_INOUT, &lineinfo_in_s, &lineinfo_out_s,
	    0, NULL },
	{ GPIO_GET_LINEINFO_WATCH_IOCTL, IR_INOUT, &lineinfo_in_s,
	    &lineinfo_out_s, 0, NULL },
	{ GPIO_GET_LINEINFO_UNWATCH_IOCTL, IR_IN, &offset_s, NULL, 0, NULL },
	{ GPIO_GET_LINEHANDLE_IOCTL, IR_INOUT, &handle_req_s, &handle_fd_s, 0,
	    NULL },
	{ GPIO_GET_LINEEVENT_IOCTL, IR_INOUT, &event_req_s, &event_fd_s, 0,
	    NULL },
	{ GPIOHANDLE_GET_LINE_VALUES_IOCTL, IR_OUT, NULL, &data_s, 0, NULL },
	{ GPIOHANDLE_SET_LINE_VALUES_IOCTL, IR_IN, &data_s, NULL, 0, NULL },
	{ GPIOHANDLE_SET_CONFIG_IOCTL, IR_IN, &handle_config_s, NULL, 0, NULL },
	{ GPIO_V2_GET_LINEINFO_IOCTL, IR_INOUT, &v2info_in_s, &v2info_out_s, 0,
	    NULL },
	{ GPIO_V2_GET_LINEINFO_WATCH_IOCTL, IR_INOUT, &v2info_in_s,
	    &v2info_out_s, 0, NULL },
	{ GPIO_V2_GET_LINE_IOCTL, IR_INOUT, &v2req_s, &v2req_fd_s, 0, NULL },
	{ GPIO_V2_LINE_SET_CONFIG_IOCTL, IR_IN, &config_s, NULL, 0, NULL },
	{ GPIO_V2_LINE_GET_VALUES_IOCTL, IR_INOUT, &mask_s, &bits_s, 0, NULL },
	{ GPIO_V2_LINE_SET_VALUES_IOCTL, IR_IN, &values_s, NULL, 0, NULL },
};
const struct ioc_reqtab ptc__ioc_gpio = { reqs, IOC_NF(reqs), 0 };
