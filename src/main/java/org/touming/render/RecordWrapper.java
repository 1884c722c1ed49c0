package org.touming.render;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultListAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleNumber;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * FreeMarker's view of our view records, built for speed: a disclosure page reads every cell of
 * tables with hundreds of rows, and the general bean wrapper spends most of the render in class
 * introspection caches, reflection set-up and type checks on interfaces. Here a record's
 * zero-argument methods are found once per class and read as {@code x.name} or {@code x.name()};
 * strings, numbers, booleans and lists are wrapped as the default wrapper wraps them; anything else
 * (methods with arguments, other types) goes to the default wrapper unchanged.
 */
final class RecordWrapper extends DefaultObjectWrapper {
  // Per class: its zero-argument methods by name, or null when it is not one of our view records.
  private static final ClassValue<Map<String, Method>> METHODS =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          if (!type.isRecord() || type.getPackage() != RecordWrapper.class.getPackage()) {
            return null;
          }
          Map<String, Method> methods = new HashMap<>();
          for (Method m : type.getMethods()) {
            if (m.getParameterCount() == 0
                && m.getReturnType() != void.class
                && !Modifier.isStatic(m.getModifiers())
                && m.getDeclaringClass() != Object.class
                && m.trySetAccessible()) {
              methods.put(m.getName(), m);
            }
          }
          return methods;
        }
      };

  RecordWrapper(Version version) {
    super(new DefaultObjectWrapperBuilder(version), true);
  }

  @Override
  public TemplateModel wrap(Object obj) throws TemplateModelException {
    if (obj == null) {
      return super.wrap(null);
    }
    Class<?> type = obj.getClass();
    if (type == String.class) {
      return new SimpleScalar((String) obj);
    }
    if (type == Integer.class || type == Long.class) {
      return new SimpleNumber((Number) obj);
    }
    if (type == Boolean.class) {
      return (Boolean) obj ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    Map<String, Method> methods = METHODS.get(type);
    if (methods != null) {
      return new RecordModel(obj, methods, this);
    }
    if (obj instanceof List<?> list) {
      return DefaultListAdapter.adapt(list, this);
    }
    return super.wrap(obj);
  }

  /** Falls back to the default bean model for what a record model does not answer. */
  private TemplateModel bean(Object obj) throws TemplateModelException {
    return super.wrap(obj);
  }

  private static final class RecordModel
      implements MethodCallAwareTemplateHashModel, AdapterTemplateModel, WrapperTemplateModel {
    // Passed rather than an empty varargs array made at every call: a disclosure page reads
    // hundreds of thousands of cells, and those arrays were a twelfth of what a build allocated.
    private static final Object[] NO_ARGUMENTS = {};
    private final Object record;
    private final Map<String, Method> methods;
    private final RecordWrapper wrapper;
    private TemplateHashModel bean;

    RecordModel(Object record, Map<String, Method> methods, RecordWrapper wrapper) {
      this.record = record;
      this.methods = methods;
      this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Method m = methods.get(key);
      return m == null ? bean().get(key) : wrapper.wrap(call(m));
    }

    @Override
    public TemplateModel getBeforeMethodCall(String key) throws TemplateModelException {
      Method m = methods.get(key);
      if (m == null) {
        return bean().get(key);
      }
      return (TemplateMethodModelEx)
          args -> {
            if (!args.isEmpty()) {
              throw new TemplateModelException(key + "() takes no arguments");
            }
            return wrapper.wrap(call(m));
          };
    }

    private Object call(Method m) throws TemplateModelException {
      try {
        return m.invoke(record, NO_ARGUMENTS);
      } catch (InvocationTargetException e) {
        throw new TemplateModelException(key(m) + " failed", e.getCause());
      } catch (IllegalAccessException e) {
        throw new TemplateModelException(key(m) + " is not accessible", e);
      }
    }

    private static String key(Method m) {
      return m.getDeclaringClass().getSimpleName() + "." + m.getName() + "()";
    }

    private TemplateHashModel bean() throws TemplateModelException {
      if (bean == null) {
        bean = (TemplateHashModel) wrapper.bean(record);
      }
      return bean;
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public Object getAdaptedObject(Class<?> hint) {
      return record;
    }

    @Override
    public Object getWrappedObject() {
      return record;
    }
  }
}
