#ifndef CASEAUDIT_CYAML_SHIM_H
#define CASEAUDIT_CYAML_SHIM_H
#include <stdlib.h>
#include <yaml.h>

/*
 * libyaml's reader decodes its input one character at a time into a buffer of its own, checking
 * each one (UTF-8, no control characters): about a sixth of libyaml's work on case files. Input
 * that caseaudit has already checked, and that the reader would copy unchanged, is handed to the
 * scanner as that buffer instead.
 *
 * This relies on two facts of libyaml's reader (src/reader.c, unchanged from 0.1 to 0.2.5): once
 * `eof` is set and the raw buffer is empty, `yaml_parser_update_buffer` returns at once; and the
 * scanner reads only `buffer.pointer` onwards, `unread` characters of it, the last being the NUL
 * the reader appends at the end of the input. `yaml_parser_delete` frees `buffer.start`, so libyaml's
 * own buffer must be put back first (caseaudit_yaml_parser_restore_buffer).
 */

/// Hands the parser `text`: `length` bytes of `characters` characters that libyaml's reader would
/// take unchanged, followed by a NUL and at least 4 more bytes of padding, all valid until the
/// parser is deleted. Call after yaml_parser_set_input_string and yaml_parser_set_encoding, before
/// the first event. Returns libyaml's own buffer, for caseaudit_yaml_parser_restore_buffer.
static inline yaml_char_t *caseaudit_yaml_parser_set_checked_input(
    yaml_parser_t *parser, yaml_char_t *text, size_t length, size_t characters)
{
    yaml_char_t *own = parser->buffer.start;
    parser->buffer.start = text;
    parser->buffer.pointer = text;
    parser->buffer.last = text + length + 1;
    parser->buffer.end = text + length + 1;
    parser->unread = characters + 1;
    parser->raw_buffer.pointer = parser->raw_buffer.last;
    parser->eof = 1;
    return own;
}

/// Gives the parser back its own buffer before yaml_parser_delete.
static inline void caseaudit_yaml_parser_restore_buffer(yaml_parser_t *parser, yaml_char_t *own)
{
    parser->buffer.start = own;
    parser->buffer.pointer = own;
    parser->buffer.last = own;
    parser->buffer.end = own;
}

/*
 * yaml_event_delete frees an event's strings and then zeroes the whole event, with a `rep stos` that
 * is slow to start for so few bytes; yaml_parser_parse zeroes the event again before it fills it.
 * On case files yaml_event_delete was about 3 % of lint's time, most of it that zeroing: a reader
 * that hands the event straight back to yaml_parser_parse need only free the strings.
 */

/// Frees what yaml_event_delete frees (libyaml allocates an event's strings with malloc), without
/// zeroing the event: only for an event that is then filled again by yaml_parser_parse or not
/// read again. The rare events that hold directives or an alias go through yaml_event_delete.
static inline void caseaudit_yaml_event_release(yaml_event_t *event)
{
    switch (event->type) {
    case YAML_SCALAR_EVENT:
        if (event->data.scalar.anchor) free(event->data.scalar.anchor);
        if (event->data.scalar.tag) free(event->data.scalar.tag);
        free(event->data.scalar.value);
        break;
    case YAML_MAPPING_START_EVENT:
        if (event->data.mapping_start.anchor) free(event->data.mapping_start.anchor);
        if (event->data.mapping_start.tag) free(event->data.mapping_start.tag);
        break;
    case YAML_SEQUENCE_START_EVENT:
        if (event->data.sequence_start.anchor) free(event->data.sequence_start.anchor);
        if (event->data.sequence_start.tag) free(event->data.sequence_start.tag);
        break;
    case YAML_MAPPING_END_EVENT:
    case YAML_SEQUENCE_END_EVENT:
    case YAML_DOCUMENT_END_EVENT:
    case YAML_STREAM_START_EVENT:
    case YAML_STREAM_END_EVENT:
        break;
    default:
        yaml_event_delete(event);
    }
}

#endif
