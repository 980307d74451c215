#ifndef PDF2STRUCT_CPOPPLER_SHIM_H
#define PDF2STRUCT_CPOPPLER_SHIM_H

#include <poppler.h>
#include <glib.h>
#include <glib-object.h>
#include <cairo.h>

/* Target page (1-based) of an outline action, resolving named destinations; 0 when none.
   Kept in C because PopplerAction is a union that Swift imports awkwardly. */
static inline int p2s_action_target_page(PopplerDocument *doc, PopplerAction *action) {
    if (action == NULL || action->type != POPPLER_ACTION_GOTO_DEST) return 0;
    PopplerDest *dest = action->goto_dest.dest;
    if (dest == NULL) return 0;
    if (dest->type == POPPLER_DEST_NAMED && dest->named_dest != NULL) {
        PopplerDest *resolved = poppler_document_find_dest(doc, dest->named_dest);
        if (resolved == NULL) return 0;
        int page = resolved->page_num;
        poppler_dest_free(resolved);
        return page;
    }
    return dest->page_num;
}

/* Title of an outline action (owned by the action); NULL when it has none. */
static inline const char *p2s_action_title(PopplerAction *action) {
    return action == NULL ? NULL : action->any.title;
}

/* The PopplerTextAttributes stored in a GList node. */
static inline PopplerTextAttributes *p2s_text_attributes(GList *node) {
    return (PopplerTextAttributes *)node->data;
}

/* Releases a GObject; a function so Swift need not know the GObject layout. */
static inline void p2s_unref(gpointer object) {
    if (object != NULL) g_object_unref(object);
}

#endif
