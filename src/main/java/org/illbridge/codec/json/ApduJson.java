package org.illbridge.codec.json;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.illbridge.codec.asn1.AsnType;
import org.illbridge.codec.asn1.AsnType.AnyType;
import org.illbridge.codec.asn1.AsnType.BooleanType;
import org.illbridge.codec.asn1.AsnType.ChoiceType;
import org.illbridge.codec.asn1.AsnType.Component;
import org.illbridge.codec.asn1.AsnType.EnumeratedType;
import org.illbridge.codec.asn1.AsnType.IllStringType;
import org.illbridge.codec.asn1.AsnType.IntegerType;
import org.illbridge.codec.asn1.AsnType.NullType;
import org.illbridge.codec.asn1.AsnType.OidType;
import org.illbridge.codec.asn1.AsnType.Presence;
import org.illbridge.codec.asn1.AsnType.SequenceOfType;
import org.illbridge.codec.asn1.AsnType.SequenceType;
import org.illbridge.codec.asn1.AsnType.StringType;
import org.illbridge.codec.asn1.AsnType.TaggedType;
import org.illbridge.codec.asn1.AsnValue;
import org.illbridge.codec.asn1.TypeRegistry;
import org.illbridge.codec.ill.Apdu;
import org.illbridge.codec.ill.ApduType;
import org.illbridge.codec.ill.IllExtensions;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON view of APDUs, used by the command line, the REST API and the stored history:
 * {@code {"ILL-Request": {"protocol-version-num": 2, "transaction-id": {...}, ...}}}.
 *
 * <ul>
 *   <li>component keys are the ASN.1 component names; a CHOICE is an object whose one key is the
 *       alternative; ENUMERATED values are their identifiers (a number the module does not name
 *       stays a number); BOOLEAN, INTEGER and NULL are JSON's own;
 *   <li>an ILL-String is a JSON string in the peer's charset; an EDIFACTString is
 *       {@code {"EDIFACTString": "…"}}; bytes not valid in the charset are
 *       {@code {"GeneralString": {"base64": "…"}}}, so nothing is lost;
 *   <li>an ANY of a known type is {@code {"Type-Name": …}} (EXTERNALs, registered extensions),
 *       unknown content {@code {"base64": "…"}} of its complete encoding.
 * </ul>
 * Reading the JSON back gives a value equal to the one written. Thread-safe.
 */
public final class ApduJson {

    /** The one JSON mapper illbridge reads and writes APDU views with. */
    public static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String BASE64 = "base64";
    private static final String GENERAL_STRING = "GeneralString";
    private static final String EDIFACT_STRING = "EDIFACTString";

    private final Charset charset;
    private final TypeRegistry registry;

    /** The view with ILL-Strings read and written as {@code charset} (UTF-8 unless the peer says otherwise). */
    public ApduJson(Charset charset) {
        this.charset = charset;
        this.registry = IllExtensions.REGISTRY;
    }

    public static ApduJson utf8() {
        return new ApduJson(StandardCharsets.UTF_8);
    }

    // ---- model to JSON --------------------------------------------------------------------

    public ObjectNode toJson(Apdu apdu) {
        ObjectNode root = NODES.objectNode();
        root.set(apdu.type().asnName(), toJson(apdu.type().type(), apdu.body()));
        return root;
    }

    /** The APDU's JSON view as text, on one line. */
    public String toText(Apdu apdu) {
        return MAPPER.writeValueAsString(toJson(apdu));
    }

    /** The APDU's JSON view as text, indented for a person to read. */
    public String toPrettyText(Apdu apdu) {
        return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(toJson(apdu));
    }

    public JsonNode toJson(AsnType type, AsnValue value) {
        if (type instanceof TaggedType tagged) {
            return toJson(tagged.inner(), value);
        }
        if (type instanceof SequenceType sequence) {
            ObjectNode object = NODES.objectNode();
            for (AsnValue.Field field : ((AsnValue.Sequence) value).fields()) {
                object.set(field.name(), toJson(sequence.component(field.name()).type(), field.value()));
            }
            return object;
        }
        if (type instanceof SequenceOfType sequenceOf) {
            ArrayNode array = NODES.arrayNode();
            for (AsnValue element : ((AsnValue.SequenceOf) value).elements()) {
                array.add(toJson(sequenceOf.element(), element));
            }
            return array;
        }
        if (type instanceof ChoiceType choice) {
            AsnValue.Choice chosen = (AsnValue.Choice) value;
            ObjectNode object = NODES.objectNode();
            object.set(chosen.alternative(), toJson(choice.alternative(chosen.alternative()).type(), chosen.value()));
            return object;
        }
        if (type instanceof IllStringType) {
            return illString((AsnValue.IllString) value);
        }
        if (type instanceof AnyType) {
            return any(value);
        }
        return primitive(type, value);
    }

    private JsonNode illString(AsnValue.IllString string) {
        Optional<String> text = string.text(string.edifact() ? StandardCharsets.ISO_8859_1 : charset);
        if (text.isPresent() && !string.edifact()) {
            return NODES.stringNode(text.get());
        }
        ObjectNode object = NODES.objectNode();
        String alternative = string.edifact() ? EDIFACT_STRING : GENERAL_STRING;
        object.set(alternative, text.isPresent() ? NODES.stringNode(text.get()) : base64(string.bytes()));
        return object;
    }

    private JsonNode any(AsnValue value) {
        if (value instanceof AsnValue.Typed typed) {
            ObjectNode object = NODES.objectNode();
            object.set(typed.typeName(), toJson(registry.byName(typed.typeName()).orElseThrow(), typed.value()));
            return object;
        }
        return base64(((AsnValue.Opaque) value).tlv());
    }

    private static JsonNode primitive(AsnType type, AsnValue value) {
        if (value instanceof AsnValue.Enumerated enumerated) {
            return enumerated.identifier() != null
                    ? NODES.stringNode(enumerated.identifier())
                    : NODES.numberNode(enumerated.number());
        }
        if (value instanceof AsnValue.Int integer) {
            return NODES.numberNode(integer.value());
        }
        if (value instanceof AsnValue.Bool bool) {
            return NODES.booleanNode(bool.value());
        }
        if (value instanceof AsnValue.Null) {
            return NODES.nullNode();
        }
        if (value instanceof AsnValue.Oid oid) {
            return NODES.stringNode(oid.dotted());
        }
        AsnValue.Bytes bytes = (AsnValue.Bytes) value;
        return isBinary(type) ? base64(bytes.bytes()) : NODES.stringNode(bytes.latin1());
    }

    private static boolean isBinary(AsnType type) {
        return type instanceof StringType string && (string.universalNumber() == 3 || string.universalNumber() == 4);
    }

    private static ObjectNode base64(byte[] bytes) {
        ObjectNode object = NODES.objectNode();
        object.put(BASE64, Base64.getEncoder().encodeToString(bytes));
        return object;
    }

    // ---- JSON to model --------------------------------------------------------------------

    public Apdu fromJson(JsonNode json) throws JsonViewException {
        if (json == null || !json.isObject() || json.size() != 1) {
            throw new JsonViewException("ILL-APDU", "expected an object with one key, the APDU type (\"ILL-Request\", …)");
        }
        String name = json.propertyNames().iterator().next();
        ApduType apduType;
        try {
            apduType = ApduType.ofAsnName(name);
        } catch (IllegalArgumentException e) {
            throw new JsonViewException("ILL-APDU", "'" + name + "' is not an APDU type");
        }
        return new Apdu(apduType, (AsnValue.Sequence) fromJson(apduType.type(), json.get(name), name));
    }

    /** The APDU a JSON view in text describes. */
    public Apdu fromText(String json) throws JsonViewException {
        JsonNode tree;
        try {
            tree = MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw new JsonViewException("ILL-APDU", "not JSON: " + e.getOriginalMessage());
        }
        return fromJson(tree);
    }

    public AsnValue fromJson(AsnType type, JsonNode json, String path) throws JsonViewException {
        if (type instanceof TaggedType tagged) {
            return fromJson(tagged.inner(), json, path);
        }
        if (type instanceof SequenceType sequence) {
            return sequence(sequence, json, path);
        }
        if (type instanceof SequenceOfType sequenceOf) {
            if (!json.isArray()) {
                throw new JsonViewException(path, "expected an array");
            }
            List<AsnValue> elements = new ArrayList<>();
            for (int i = 0; i < json.size(); i++) {
                elements.add(fromJson(sequenceOf.element(), json.get(i), path + "[" + i + "]"));
            }
            return new AsnValue.SequenceOf(elements);
        }
        if (type instanceof ChoiceType choice) {
            Map.Entry<String, JsonNode> only = onlyEntry(json, path, "one of " + alternatives(choice));
            Component alternative = choice.alternative(only.getKey());
            if (alternative == null) {
                throw new JsonViewException(path, "'" + only.getKey() + "' is not one of " + alternatives(choice));
            }
            return new AsnValue.Choice(alternative.name(),
                    fromJson(alternative.type(), only.getValue(), path + "." + alternative.name()));
        }
        if (type instanceof IllStringType) {
            return illString(json, path);
        }
        if (type instanceof AnyType) {
            return any(json, path);
        }
        return primitive(type, json, path);
    }

    private AsnValue sequence(SequenceType sequence, JsonNode json, String path) throws JsonViewException {
        if (!json.isObject()) {
            throw new JsonViewException(path, "expected an object");
        }
        for (String key : json.propertyNames()) {
            if (sequence.component(key) == null) {
                throw new JsonViewException(path, sequence.name() + " has no component '" + key + "'");
            }
        }
        List<AsnValue.Field> fields = new ArrayList<>();
        for (Component component : sequence.components()) {
            JsonNode member = json.get(component.name());
            String at = path + "." + component.name();
            if (member != null) {
                fields.add(new AsnValue.Field(component.name(), fromJson(component.type(), member, at)));
            } else if (component.presence() == Presence.DEFAULT) {
                fields.add(new AsnValue.Field(component.name(), component.defaultValue()));
            } else if (component.presence() == Presence.REQUIRED) {
                throw new JsonViewException(at, "required element is missing");
            }
        }
        return new AsnValue.Sequence(fields);
    }

    private AsnValue illString(JsonNode json, String path) throws JsonViewException {
        if (json.isString()) {
            return new AsnValue.IllString(false, json.asString().getBytes(charset));
        }
        Map.Entry<String, JsonNode> only = onlyEntry(json, path, "a string, {\"EDIFACTString\": …} or {\"GeneralString\": {\"base64\": …}}");
        boolean edifact = EDIFACT_STRING.equals(only.getKey());
        if (!edifact && !GENERAL_STRING.equals(only.getKey())) {
            throw new JsonViewException(path, "'" + only.getKey() + "' is not an ILL-String alternative");
        }
        JsonNode content = only.getValue();
        if (content.isString()) {
            return new AsnValue.IllString(edifact, content.asString().getBytes(edifact ? StandardCharsets.ISO_8859_1 : charset));
        }
        return new AsnValue.IllString(edifact, decodeBase64(content, path));
    }

    private AsnValue any(JsonNode json, String path) throws JsonViewException {
        Map.Entry<String, JsonNode> only = onlyEntry(json, path, "{\"base64\": …} or {\"Type-Name\": …}");
        if (BASE64.equals(only.getKey())) {
            return new AsnValue.Opaque(decodeBase64(json, path));
        }
        AsnType type = registry.byName(only.getKey()).orElseThrow(() ->
                new JsonViewException(path, "no type '" + only.getKey() + "' is known for an ANY"));
        return new AsnValue.Typed(only.getKey(), fromJson(type, only.getValue(), path + "." + only.getKey()));
    }

    private static AsnValue primitive(AsnType type, JsonNode json, String path) throws JsonViewException {
        if (type instanceof EnumeratedType enumerated) {
            if (json.isIntegralNumber()) {
                long number = json.asLong();
                return new AsnValue.Enumerated(number, enumerated.identifiers().get(number));
            }
            Long number = json.isString() ? enumerated.numberOf(json.asString()) : null;
            if (number == null) {
                throw new JsonViewException(path, json + " is not one of " + enumerated.identifiers().values());
            }
            return new AsnValue.Enumerated(number, json.asString());
        }
        if (type instanceof IntegerType) {
            if (!json.isIntegralNumber() || !json.canConvertToLong()) {
                throw new JsonViewException(path, "expected an integer");
            }
            return new AsnValue.Int(json.asLong());
        }
        if (type instanceof BooleanType) {
            if (!json.isBoolean()) {
                throw new JsonViewException(path, "expected true or false");
            }
            return AsnValue.Bool.of(json.asBoolean());
        }
        if (type instanceof NullType) {
            if (!json.isNull()) {
                throw new JsonViewException(path, "expected null");
            }
            return new AsnValue.Null();
        }
        if (type instanceof OidType) {
            if (!json.isString() || !json.asString().matches("[0-2](\\.\\d+)+")) {
                throw new JsonViewException(path, "expected an object identifier such as \"1.0.10161.13.3\"");
            }
            return new AsnValue.Oid(json.asString());
        }
        if (isBinary(type)) {
            return new AsnValue.Bytes(decodeBase64(json, path));
        }
        if (!json.isString()) {
            throw new JsonViewException(path, "expected a string");
        }
        return AsnValue.Bytes.ofLatin1(json.asString());
    }

    private static byte[] decodeBase64(JsonNode json, String path) throws JsonViewException {
        JsonNode text = json.get(BASE64);
        if (text == null || !text.isString()) {
            throw new JsonViewException(path, "expected {\"base64\": \"…\"}");
        }
        try {
            return Base64.getDecoder().decode(text.asString());
        } catch (IllegalArgumentException e) {
            throw new JsonViewException(path, "not valid base64: " + e.getMessage());
        }
    }

    private static Map.Entry<String, JsonNode> onlyEntry(JsonNode json, String path, String expected)
            throws JsonViewException {
        if (!json.isObject() || json.size() != 1) {
            throw new JsonViewException(path, "expected " + expected);
        }
        return json.properties().iterator().next();
    }

    private static List<String> alternatives(ChoiceType choice) {
        return choice.alternatives().stream().map(Component::name).toList();
    }
}
