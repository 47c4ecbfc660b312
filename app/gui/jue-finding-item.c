/* jue-finding-item.c — a finding as a list item. */
#include "config.h"

#include "jue-finding-item.h"

struct _JueFindingItem {
  GObject     parent_instance;
  JueFinding *finding;
};

enum { PROP_0, PROP_EXPLANATION, N_PROPS };
static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (JueFindingItem, jue_finding_item, G_TYPE_OBJECT)

static void
jue_finding_item_finalize (GObject *object)
{
  JueFindingItem *self = JUE_FINDING_ITEM (object);

  g_clear_pointer (&self->finding, jue_finding_free);
  G_OBJECT_CLASS (jue_finding_item_parent_class)->finalize (object);
}

static void
jue_finding_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  JueFindingItem *self = JUE_FINDING_ITEM (object);

  switch (prop_id)
    {
    case PROP_EXPLANATION:
      g_value_set_string (value, self->finding->explanation);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
jue_finding_item_class_init (JueFindingItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = jue_finding_item_finalize;
  object_class->get_property = jue_finding_item_get_property;
  properties[PROP_EXPLANATION] =
    g_param_spec_string ("explanation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
jue_finding_item_init (JueFindingItem *self)
{
}

JueFindingItem *
jue_finding_item_new (const JueFinding *finding)
{
  JueFindingItem *self = g_object_new (JUE_TYPE_FINDING_ITEM, NULL);

  self->finding = jue_finding_copy (finding);
  return self;
}

const JueFinding *
jue_finding_item_get_finding (JueFindingItem *self)
{
  return self->finding;
}

gboolean
jue_finding_item_same (JueFindingItem   *self,
                       const JueFinding *other)
{
  const JueFinding *f = self->finding;

  return g_strcmp0 (f->rule, other->rule) == 0 && f->severity == other->severity &&
         g_strcmp0 (f->path, other->path) == 0 && g_strcmp0 (f->message, other->message) == 0;
}

void
jue_finding_item_set_explanation (JueFindingItem *self,
                                  const char     *explanation)
{
  if (g_strcmp0 (self->finding->explanation, explanation) == 0)
    return;
  g_free (self->finding->explanation);
  self->finding->explanation = g_strdup (explanation);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPLANATION]);
}
