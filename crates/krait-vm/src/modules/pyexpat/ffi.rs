//! The part of libexpat's C API (expat.h, 2.x) that `pyexpat` uses,
//! declared by hand. `XML_Char` is UTF-8 (`char`); `XML_Size`/`XML_Index`
//! are 64-bit on the platforms Krait supports.

#![allow(non_camel_case_types, non_snake_case, dead_code)]

use std::os::raw::{c_char, c_int, c_long, c_uint, c_void};

pub type XML_Parser = *mut c_void;
pub type XML_Char = c_char;
pub type XML_Bool = u8;

pub const XML_STATUS_ERROR: c_int = 0;
pub const XML_STATUS_OK: c_int = 1;

#[repr(C)]
pub struct XML_Content {
    pub type_: c_int,
    pub quant: c_int,
    pub name: *mut XML_Char,
    pub numchildren: c_uint,
    pub children: *mut XML_Content,
}

#[repr(C)]
pub struct XML_Encoding {
    pub map: [c_int; 256],
    pub data: *mut c_void,
    pub convert: Option<unsafe extern "C" fn(*mut c_void, *const c_char) -> c_int>,
    pub release: Option<unsafe extern "C" fn(*mut c_void)>,
}

#[repr(C)]
#[derive(Clone, Copy)]
pub struct XML_Expat_Version {
    pub major: c_int,
    pub minor: c_int,
    pub micro: c_int,
}

#[repr(C)]
pub struct XML_Feature {
    pub feature: c_int,
    pub name: *const c_char,
    pub value: c_long,
}

pub type StartElementFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *mut *const XML_Char);
pub type EndElementFn = unsafe extern "C" fn(*mut c_void, *const XML_Char);
pub type CharDataFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, c_int);
pub type PiFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char);
pub type CommentFn = unsafe extern "C" fn(*mut c_void, *const XML_Char);
pub type VoidFn = unsafe extern "C" fn(*mut c_void);
pub type DefaultFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, c_int);
pub type StartDoctypeFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char, *const XML_Char, c_int);
pub type ElementDeclFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *mut XML_Content);
pub type AttlistDeclFn =
    unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char, *const XML_Char, *const XML_Char, c_int);
pub type XmlDeclFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char, c_int);
pub type EntityDeclFn = unsafe extern "C" fn(
    *mut c_void,
    *const XML_Char,
    c_int,
    *const XML_Char,
    c_int,
    *const XML_Char,
    *const XML_Char,
    *const XML_Char,
    *const XML_Char,
);
pub type UnparsedEntityDeclFn =
    unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char, *const XML_Char, *const XML_Char, *const XML_Char);
pub type NotationDeclFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char, *const XML_Char, *const XML_Char);
pub type StartNsFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *const XML_Char);
pub type EndNsFn = unsafe extern "C" fn(*mut c_void, *const XML_Char);
pub type NotStandaloneFn = unsafe extern "C" fn(*mut c_void) -> c_int;
pub type ExternalEntityRefFn =
    unsafe extern "C" fn(XML_Parser, *const XML_Char, *const XML_Char, *const XML_Char, *const XML_Char) -> c_int;
pub type SkippedEntityFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, c_int);
pub type UnknownEncodingFn = unsafe extern "C" fn(*mut c_void, *const XML_Char, *mut XML_Encoding) -> c_int;

#[link(name = "expat")]
extern "C" {
    pub fn XML_ParserCreate(encoding: *const XML_Char) -> XML_Parser;
    pub fn XML_ParserCreateNS(encoding: *const XML_Char, sep: XML_Char) -> XML_Parser;
    pub fn XML_ExternalEntityParserCreate(parser: XML_Parser, context: *const XML_Char, encoding: *const XML_Char) -> XML_Parser;
    pub fn XML_ParserFree(parser: XML_Parser);
    pub fn XML_SetUserData(parser: XML_Parser, user_data: *mut c_void);
    pub fn XML_Parse(parser: XML_Parser, s: *const c_char, len: c_int, is_final: c_int) -> c_int;
    pub fn XML_StopParser(parser: XML_Parser, resumable: XML_Bool) -> c_int;
    pub fn XML_GetErrorCode(parser: XML_Parser) -> c_int;
    pub fn XML_ErrorString(code: c_int) -> *const c_char;
    pub fn XML_GetCurrentLineNumber(parser: XML_Parser) -> u64;
    pub fn XML_GetCurrentColumnNumber(parser: XML_Parser) -> u64;
    pub fn XML_GetCurrentByteIndex(parser: XML_Parser) -> i64;
    pub fn XML_GetInputContext(parser: XML_Parser, offset: *mut c_int, size: *mut c_int) -> *const c_char;
    pub fn XML_SetEncoding(parser: XML_Parser, encoding: *const XML_Char) -> c_int;
    pub fn XML_SetBase(parser: XML_Parser, base: *const XML_Char) -> c_int;
    pub fn XML_GetBase(parser: XML_Parser) -> *const XML_Char;
    pub fn XML_SetReturnNSTriplet(parser: XML_Parser, do_nst: c_int);
    pub fn XML_SetParamEntityParsing(parser: XML_Parser, parsing: c_int) -> c_int;
    pub fn XML_UseForeignDTD(parser: XML_Parser, use_dtd: XML_Bool) -> c_int;
    pub fn XML_GetSpecifiedAttributeCount(parser: XML_Parser) -> c_int;
    pub fn XML_FreeContentModel(parser: XML_Parser, model: *mut XML_Content);
    pub fn XML_ExpatVersion() -> *const c_char;
    pub fn XML_ExpatVersionInfo() -> XML_Expat_Version;
    pub fn XML_GetFeatureList() -> *const XML_Feature;

    pub fn XML_SetStartElementHandler(parser: XML_Parser, h: Option<StartElementFn>);
    pub fn XML_SetEndElementHandler(parser: XML_Parser, h: Option<EndElementFn>);
    pub fn XML_SetCharacterDataHandler(parser: XML_Parser, h: Option<CharDataFn>);
    pub fn XML_SetProcessingInstructionHandler(parser: XML_Parser, h: Option<PiFn>);
    pub fn XML_SetCommentHandler(parser: XML_Parser, h: Option<CommentFn>);
    pub fn XML_SetStartCdataSectionHandler(parser: XML_Parser, h: Option<VoidFn>);
    pub fn XML_SetEndCdataSectionHandler(parser: XML_Parser, h: Option<VoidFn>);
    pub fn XML_SetDefaultHandler(parser: XML_Parser, h: Option<DefaultFn>);
    pub fn XML_SetDefaultHandlerExpand(parser: XML_Parser, h: Option<DefaultFn>);
    pub fn XML_SetStartDoctypeDeclHandler(parser: XML_Parser, h: Option<StartDoctypeFn>);
    pub fn XML_SetEndDoctypeDeclHandler(parser: XML_Parser, h: Option<VoidFn>);
    pub fn XML_SetElementDeclHandler(parser: XML_Parser, h: Option<ElementDeclFn>);
    pub fn XML_SetAttlistDeclHandler(parser: XML_Parser, h: Option<AttlistDeclFn>);
    pub fn XML_SetXmlDeclHandler(parser: XML_Parser, h: Option<XmlDeclFn>);
    pub fn XML_SetEntityDeclHandler(parser: XML_Parser, h: Option<EntityDeclFn>);
    pub fn XML_SetUnparsedEntityDeclHandler(parser: XML_Parser, h: Option<UnparsedEntityDeclFn>);
    pub fn XML_SetNotationDeclHandler(parser: XML_Parser, h: Option<NotationDeclFn>);
    pub fn XML_SetStartNamespaceDeclHandler(parser: XML_Parser, h: Option<StartNsFn>);
    pub fn XML_SetEndNamespaceDeclHandler(parser: XML_Parser, h: Option<EndNsFn>);
    pub fn XML_SetNotStandaloneHandler(parser: XML_Parser, h: Option<NotStandaloneFn>);
    pub fn XML_SetExternalEntityRefHandler(parser: XML_Parser, h: Option<ExternalEntityRefFn>);
    pub fn XML_SetSkippedEntityHandler(parser: XML_Parser, h: Option<SkippedEntityFn>);
    pub fn XML_SetUnknownEncodingHandler(parser: XML_Parser, h: Option<UnknownEncodingFn>, data: *mut c_void);
}

/// `XML_GetUserData` is a macro: the user data is the parser's first field.
///
/// # Safety
/// `parser` must be a live parser.
pub unsafe fn get_user_data(parser: XML_Parser) -> *mut c_void {
    *(parser as *mut *mut c_void)
}
