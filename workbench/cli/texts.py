"""Texts of the command line, Simplified Chinese first, English second (``--lang en``)."""

from __future__ import annotations

import os

TEXTS: dict[str, dict[str, str]] = {
    "prog_description": {
        "zh": "小微信贷案件工作台（IPC 技术）。不带子命令时打开图形界面。",
        "en": "Micro-loan case workbench (IPC method). Without a subcommand it opens the window.",
    },
    "window_db_help": {
        "zh": "窗口使用的案件库（默认 WORKBENCH_DB_URL，否则本机 SQLite 文件）",
        "en": "the case store of the window (default WORKBENCH_DB_URL, else the local SQLite file)",
    },
    "lang_help": {
        "zh": "界面语言：zh（默认）或 en；也可设置环境变量 WORKBENCH_LANG",
        "en": "language: zh (default) or en; or set WORKBENCH_LANG",
    },
    "calc_help": {"zh": "计算案卷的全部派生数据", "en": "compute every derived figure of a case file"},
    "calc_file_help": {"zh": "案卷 JSON 文件", "en": "case file (JSON exchange format)"},
    "json_help": {
        "zh": "以 JSON 输出（金额为十进制字符串）",
        "en": "print JSON (amounts as decimal strings)",
    },
    "schedule_help": {"zh": "生成还款计划表", "en": "print an instalment schedule"},
    "principal_help": {"zh": "本金（元）", "en": "principal (CNY)"},
    # argparse formats help texts with %: a literal percent sign is written %%.
    "annual_rate_help": {"zh": "年利率 %%，如 7.2", "en": "annual rate in %%, e.g. 7.2"},
    "monthly_permille_help": {"zh": "月息 ‰，如 6", "en": "monthly rate in per-mille, e.g. 6"},
    "months_help": {"zh": "期限（月）", "en": "term in months"},
    "method_help": {"zh": "还款方式", "en": "repayment method"},
    "grace_help": {"zh": "本金宽限期（月）", "en": "grace months on principal"},
    "multiple_help": {
        "zh": "期供取整单位：0.01、1、10 或 100",
        "en": "instalment rounding unit: 0.01, 1, 10 or 100",
    },
    "rounding_help": {"zh": "期供取整方式", "en": "instalment rounding mode"},
    "error_prefix": {"zh": "错误", "en": "error"},
    "rate_required": {
        "zh": "需要 --annual-rate 或 --monthly-permille 之一",
        "en": "one of --annual-rate or --monthly-permille is required",
    },
    "gui_unavailable": {"zh": "无法启动图形界面：{detail}", "en": "cannot start the window: {detail}"},
    "invalid_choice": {
        "zh": "无效取值 {value}，可选：{choices}",
        "en": "invalid value {value}; allowed: {choices}",
    },
    # the store: `db`, `import`, `export`, `cases`
    "db_help": {
        "zh": "数据库：建立、升级、查看版本",
        "en": "the database: create, upgrade, show the schema version",
    },
    "db_url_help": {
        "zh": "数据库地址（默认：环境变量 WORKBENCH_DB_URL，否则用户数据目录下的 SQLite 文件）",
        "en": "database URL (default: WORKBENCH_DB_URL, else the SQLite file in the user data directory)",
    },
    "db_upgrade_help": {
        "zh": "把数据库结构升级到最新版本",
        "en": "upgrade the schema to the newest revision",
    },
    "db_init_help": {
        "zh": "建立新数据库（最新结构），并以当前系统用户为第一个管理员",
        "en": "create a new store at the newest schema, the current OS user as its first administrator",
    },
    "db_current_help": {"zh": "显示数据库结构的当前版本", "en": "show the schema revision of the database"},
    "db_upgraded": {
        "zh": "数据库 {url} 已是最新结构（版本 {revision}）",
        "en": "{url} is at the newest schema ({revision})",
    },
    "db_initialised": {
        "zh": "数据库 {url} 已就绪（版本 {revision}），管理员：{admin}",
        "en": "{url} is ready ({revision}); administrator: {admin}",
    },
    "db_current": {
        "zh": "数据库 {url}：版本 {current}（最新 {head}）",
        "en": "{url}: revision {current} (newest {head})",
    },
    "db_empty": {"zh": "无（空数据库）", "en": "none (empty database)"},
    "import_help": {
        "zh": "把案卷 JSON 文件导入数据库，输出案卷编号",
        "en": "store a case file in the database; prints the case id",
    },
    "as_copy_help": {
        "zh": "以新编号另存一份（案卷编号已存在或不是 UUID 时）",
        "en": "store it under a new id (when the id is taken or not a UUID)",
    },
    "export_help": {
        "zh": "把数据库中的案卷导出为 JSON 交换格式",
        "en": "write a stored case in the JSON exchange format",
    },
    "case_id_help": {"zh": "案卷编号（UUID）", "en": "case id (UUID)"},
    "output_help": {"zh": "输出文件（默认：标准输出）", "en": "output file (default: standard output)"},
    "cases_help": {
        "zh": "列出数据库中的案卷（最近修改的在前）",
        "en": "list the stored cases, most recently changed first",
    },
    "officer_help": {
        "zh": "只列出该客户经理（用户名）的案卷",
        "en": "only the cases of this officer (user name)",
    },
    "stage_help": {"zh": "只列出该阶段的案卷", "en": "only cases at this stage"},
    "name_help": {
        "zh": "借款人、企业名称或案卷号包含此文字",
        "en": "borrower, business or case number contains this text",
    },
    "limit_help": {"zh": "最多列出的条数", "en": "how many cases to list at most"},
    "cases_json_help": {"zh": "以 JSON 输出", "en": "print JSON"},
    "sort_help": {
        "zh": "排序依据（默认：最近修改的在前）；指定后按升序，阶段按流程顺序",
        "en": "order by this column (default: newest change first); ascending, stages in process order",
    },
    "desc_help": {"zh": "按 --sort 降序排列", "en": "descending order of --sort"},
    "updated_from_help": {
        "zh": "只列出此日期（含）以后修改的案卷",
        "en": "only cases changed on or after this day",
    },
    "updated_to_help": {
        "zh": "只列出此日期（含）以前修改的案卷",
        "en": "only cases changed on or before this day",
    },
    "updated_range": {
        "zh": "修改日期范围有误：起始日 {start} 晚于截止日 {end}",
        "en": "bad range of change dates: {start} is after {end}",
    },
    "no_cases": {"zh": "没有案卷", "en": "no cases"},
    "cannot_write": {"zh": "无法写入 {path}：{detail}", "en": "cannot write {path}: {detail}"},
    "col_case_number": {"zh": "案卷号", "en": "Case no."},
    "col_borrower": {"zh": "借款人", "en": "Borrower"},
    "col_business": {"zh": "企业", "en": "Business"},
    "col_stage": {"zh": "阶段", "en": "Stage"},
    "col_officer": {"zh": "客户经理", "en": "Officer"},
    "col_requested": {"zh": "申请金额", "en": "Requested"},
    "col_updated": {"zh": "修改时间（UTC）", "en": "Changed (UTC)"},
    "col_version": {"zh": "版本", "en": "Version"},
    "col_id": {"zh": "编号", "en": "Id"},
    # table headings of `calc` without --json
    "h_case": {"zh": "案卷", "en": "Case"},
    "h_statement": {"zh": "损益表（月均）", "en": "Income statement (average month)"},
    "h_balance": {"zh": "资产负债表", "en": "Balance sheet"},
    "h_equity": {"zh": "权益检验", "en": "Equity reconciliation"},
    "h_checks": {"zh": "交叉检验", "en": "Cross-checks"},
    "h_sizing": {"zh": "还款能力与贷款建议", "en": "Repayment capacity and proposal"},
    "h_schedule": {"zh": "还款计划", "en": "Repayment schedule"},
    "h_readiness": {"zh": "上会准备", "en": "Readiness for committee"},
    "ready_yes": {"zh": "可以上会", "en": "ready for committee"},
    "ready_no": {"zh": "尚不能上会", "en": "not ready for committee"},
    "col_period": {"zh": "期数", "en": "Period"},
    "col_payment": {"zh": "还款额", "en": "Payment"},
    "col_interest": {"zh": "利息", "en": "Interest"},
    "col_principal": {"zh": "本金", "en": "Principal"},
    "col_balance": {"zh": "余额", "en": "Balance"},
    "col_check": {"zh": "检验", "en": "Check"},
    "col_method": {"zh": "方法", "en": "Method"},
    "col_value": {"zh": "检验值", "en": "Check value"},
    "col_adopted": {"zh": "认定值", "en": "Adopted"},
    "col_deviation": {"zh": "偏差", "en": "Deviation"},
    "col_status": {"zh": "结论", "en": "Status"},
    "col_pass": {"zh": "轮次", "en": "Pass"},
    "total": {"zh": "合计", "en": "Total"},
}

LABELS: dict[str, dict[str, str]] = {
    "sales_avg": {"zh": "主营业务收入", "en": "Sales"},
    "variable_costs_avg": {"zh": "可变成本", "en": "Variable costs"},
    "gross_profit_avg": {"zh": "毛利", "en": "Gross profit"},
    "opex_avg": {"zh": "营业费用", "en": "Operating expenses"},
    "op_profit_avg": {"zh": "经营利润", "en": "Operating profit"},
    "business_instalments_avg": {"zh": "分期还款（经营）", "en": "Business instalments"},
    "net_profit_avg": {"zh": "净利润", "en": "Net profit"},
    "household_avg": {"zh": "家庭开支", "en": "Household expenses"},
    "private_instalments_avg": {"zh": "分期付款（私人用途）", "en": "Private instalments"},
    "other_expenses_avg": {"zh": "其他开支", "en": "Other expenses"},
    "other_income_avg": {"zh": "其他收入", "en": "Other income"},
    "disposable_avg": {"zh": "每月可支配资金", "en": "Monthly disposable cash"},
    "gm_weighted": {"zh": "加权毛利率", "en": "Weighted gross margin"},
    "sales_annual": {"zh": "年销售额", "en": "Annual sales"},
    "TA": {"zh": "资产总计", "en": "Total assets"},
    "TL": {"zh": "负债总计", "en": "Total liabilities"},
    "E_act": {"zh": "所有者权益", "en": "Equity"},
    "debt_ratio": {"zh": "资产负债率", "en": "Debt ratio"},
    "current_ratio": {"zh": "流动比率", "en": "Current ratio"},
    "quick_ratio": {"zh": "速动比率", "en": "Quick ratio"},
    "inventory_days": {"zh": "存货周转天数", "en": "Inventory days"},
    "ar_to_sales": {"zh": "应收款/月销售额", "en": "Receivables / monthly sales"},
    "E0": {"zh": "初始权益", "en": "Initial equity"},
    "period_profit": {"zh": "期间利润", "en": "Period profit"},
    "injections": {"zh": "期间注资", "en": "Injections"},
    "appreciation": {"zh": "升值", "en": "Appreciation"},
    "withdrawals": {"zh": "期间提取", "en": "Withdrawals"},
    "depreciation": {"zh": "折旧/贬值", "en": "Depreciation"},
    "E_exp": {"zh": "应有权益", "en": "Expected equity"},
    "A_max": {"zh": "最高月还款额（α × 月可支配）", "en": "Maximum instalment (α × disposable)"},
    "P_cap": {"zh": "还款能力可贷额度", "en": "Capacity principal"},
    "P_prop": {"zh": "建议金额", "en": "Proposed amount"},
    "instalment": {"zh": "月还款额", "en": "Monthly instalment"},
    "total_interest": {"zh": "利息合计", "en": "Total interest"},
    "ratio": {"zh": "月还款额占月可支比例", "en": "Instalment / disposable cash"},
    "projection_min": {"zh": "现金流预测最低余额", "en": "Lowest projected cash"},
}

LIMIT_LABELS: dict[str, dict[str, str]] = {
    "request": {"zh": "申请金额", "en": "requested amount"},
    "capacity": {"zh": "还款能力", "en": "repayment capacity"},
    "purpose": {"zh": "资金需求 − 自有资金", "en": "purpose need − own funds"},
    "product_max": {"zh": "产品上限", "en": "product maximum"},
    "first_loan_cap": {"zh": "首贷上限", "en": "first-loan cap"},
}


def pick_language(explicit: str | None) -> str:
    """``--lang`` wins, then ``WORKBENCH_LANG``, then Chinese."""
    lang = (explicit or os.environ.get("WORKBENCH_LANG") or "zh").lower()
    return "en" if lang.startswith("en") else "zh"


def t(key: str, lang: str, **params: object) -> str:
    """The text ``key`` in ``lang`` with ``params`` filled in."""
    text = TEXTS.get(key, LABELS.get(key, {})).get(lang) or key
    return text.format(**params) if params else text


def label(key: str, lang: str) -> str:
    """A figure's label, or the key itself."""
    return LABELS.get(key, {}).get(lang, key)


# ---- reports, signatures and identities (issue 5) ----------------------------------------------
TEXTS.update(
    {
        "report_help": {
            "zh": "生成调查报告、贷款档案或审贷会纪要 PDF（可签名）",
            "en": "make the survey report, loan dossier or committee minutes as PDF (optionally signed)",
        },
        "report_case_help": {
            "zh": "案卷 JSON 文件，或存储中的案卷 ID（配合 --db）",
            "en": "case file (JSON), or a case id in the store (with --db)",
        },
        "report_kind_help": {"zh": "文档类型", "en": "document kind"},
        "report_output_help": {"zh": "输出 PDF 文件", "en": "output PDF file"},
        "report_lang_help": {"zh": "报告语言：zh（默认）或 en", "en": "report language: zh (default) or en"},
        "report_unit_help": {
            "zh": "页眉中的银行/机构名称，如“某某农商银行 小微信贷中心”",
            "en": "bank / unit named in the page header",
        },
        "report_sign_help": {"zh": "用此签名身份（PKCS#12）签署", "en": "sign with this identity (PKCS#12)"},
        "report_reason_help": {"zh": "签名理由", "en": "reason of the signature"},
        "report_location_help": {"zh": "签署地点", "en": "place of signing"},
        "report_attachments_help": {
            "zh": "照片目录：案卷证据中列出的 JPEG/PNG 文件放入照片附件（校验 SHA-256）",
            "en": "photo folder: JPEG/PNG files named by the case's evidence go into the photo appendix "
            "(SHA-256 checked)",
        },
        "report_invariant_help": {
            "zh": "可重现输出：相同输入生成字节完全相同的 PDF（签名前）",
            "en": "reproducible output: equal input gives byte-identical PDFs (before signing)",
        },
        "passphrase_file_help": {
            "zh": "从文件第一行读取口令（也可设置环境变量 WORKBENCH_PASSPHRASE）",
            "en": "read the passphrase from the first line of this file (or set WORKBENCH_PASSPHRASE)",
        },
        "report_written": {"zh": "已写入 {path}（{pages} 页）", "en": "wrote {path} ({pages} pages)"},
        "report_signed": {"zh": "已签名：{name}（{role}）", "en": "signed by {name} ({role})"},
        "report_archived": {"zh": "已存入报告档案：{id}", "en": "archived as report {id}"},
        "report_case_hash": {
            "zh": "案卷指纹 SHA-256：{sha}（版本 {version}）",
            "en": "case fingerprint SHA-256: {sha} (version {version})",
        },
        "case_not_found_file": {
            "zh": "找不到案卷文件 {path}",
            "en": "case file {path} not found",
        },
        "attachment_mismatch": {
            "zh": "附件 {name} 的 SHA-256 与案卷证据 {id} 不一致",
            "en": "attachment {name} does not match the SHA-256 of evidence {id}",
        },
        "cannot_write_pdf": {"zh": "无法写入 {path}：{detail}", "en": "cannot write {path}: {detail}"},
        "identity_help": {
            "zh": "创建或查看签名身份（PKCS#12）",
            "en": "create or show a signing identity (PKCS#12)",
        },
        "identity_create_help": {
            "zh": "创建密钥和自签名证书，保存为口令保护的 PKCS#12 文件",
            "en": "make a key and a self-signed certificate in a passphrase-protected PKCS#12 file",
        },
        "identity_show_help": {"zh": "显示签名身份的证书信息", "en": "show the certificate of an identity"},
        "identity_name_help": {"zh": "签署人姓名（证书 CN）", "en": "signer's name (certificate CN)"},
        "identity_role_help": {"zh": "角色，如“客户经理”", "en": "role, e.g. loan officer"},
        "identity_unit_help": {
            "zh": "所属机构（证书 O，可选）",
            "en": "organisation (certificate O, optional)",
        },
        "identity_days_help": {"zh": "证书有效天数", "en": "days the certificate is valid"},
        "identity_output_help": {"zh": "PKCS#12 输出文件", "en": "PKCS#12 output file"},
        "identity_cert_help": {
            "zh": "证书 PEM 输出文件（默认与 .p12 同名，扩展名 .cert.pem），供 verify --trust 使用",
            "en": "certificate PEM output (default: next to the .p12 as .cert.pem), for verify --trust",
        },
        "identity_created": {"zh": "已创建签名身份 {path}", "en": "created identity {path}"},
        "identity_cert_written": {"zh": "证书：{path}", "en": "certificate: {path}"},
        "identity_line": {
            "zh": "{name}（{role}）{unit} 有效期至 {until}，证书指纹 SHA-256 {fingerprint}",
            "en": "{name} ({role}) {unit} valid until {until}, certificate SHA-256 {fingerprint}",
        },
        "passphrase_prompt": {"zh": "口令：", "en": "Passphrase: "},
        "passphrase_again": {"zh": "再次输入口令：", "en": "Passphrase again: "},
        "passphrase_mismatch": {"zh": "两次输入的口令不一致", "en": "the passphrases differ"},
        "passphrase_missing": {
            "zh": "需要口令：请用 --passphrase-file 或环境变量 WORKBENCH_PASSPHRASE",
            "en": "a passphrase is needed: use --passphrase-file or WORKBENCH_PASSPHRASE",
        },
        "passphrase_unreadable": {
            "zh": "无法读取口令文件 {path}：{detail}",
            "en": "cannot read {path}: {detail}",
        },
        "verify_help": {"zh": "验证 PDF 中的全部签名", "en": "check every signature of a PDF"},
        "verify_file_help": {"zh": "要验证的 PDF 文件", "en": "PDF file to check"},
        "verify_trust_help": {
            "zh": "信任的证书（PEM/DER），可多次指定",
            "en": "certificate to trust (PEM/DER); may be repeated",
        },
        "verify_case_help": {
            "zh": "与当前案卷比较：案卷 JSON 文件，或存储中的案卷 ID（配合 --db）",
            "en": "compare with the current case: a case file, or a case id in the store (with --db)",
        },
        "verify_sig_line": {
            "zh": "签名 {n}  {field}：{signer}（{role}） {time} — {intact}，{valid}，{trusted}；{coverage}",
            "en": "signature {n}  {field}: {signer} ({role}) {time} — "
            "{intact}, {valid}, {trusted}; {coverage}",
        },
        "verify_intact": {"zh": "内容完整", "en": "intact"},
        "verify_modified": {"zh": "内容已被修改", "en": "MODIFIED"},
        "verify_valid": {"zh": "签名有效", "en": "valid"},
        "verify_invalid": {"zh": "签名无效", "en": "INVALID"},
        "verify_trusted": {"zh": "证书受信任", "en": "certificate trusted"},
        "verify_untrusted": {"zh": "证书未受信任", "en": "certificate not trusted"},
        "verify_cov_file": {"zh": "覆盖整个文件", "en": "covers the whole file"},
        "verify_cov_forms": {
            "zh": "其后仅有签名/表单填写",
            "en": "followed only by signatures / form filling",
        },
        "verify_cov_other": {
            "zh": "其后有不允许的修改（{level}）",
            "en": "followed by changes that are not allowed ({level})",
        },
        "verify_no_signatures": {"zh": "此 PDF 没有签名", "en": "this PDF has no signatures"},
        "verify_case": {
            "zh": "案卷指纹 {sha}（版本 {version}）：{state}",
            "en": "case fingerprint {sha} (version {version}): {state}",
        },
        "verify_case_match": {"zh": "与当前案卷一致", "en": "matches the current case"},
        "verify_case_differs": {"zh": "与当前案卷不一致", "en": "DIFFERS from the current case"},
        "verify_case_unchecked": {"zh": "未与案卷比较", "en": "not compared"},
        "verify_case_none": {"zh": "PDF 中没有案卷指纹", "en": "no case fingerprint in the PDF"},
        "verify_ok": {"zh": "结论：全部签名完整有效", "en": "result: every signature is intact and valid"},
        "verify_failed": {"zh": "结论：验证未通过", "en": "result: verification FAILED"},
        "verify_last_not_whole": {
            "zh": "最后一个签名之后文件又被追加修改",
            "en": "the file was changed after the last signature",
        },
        "not_a_pdf": {"zh": "{path} 不是可读取的 PDF 文件", "en": "{path} is not a readable PDF"},
        "file_not_found": {"zh": "找不到文件 {path}", "en": "file {path} not found"},
        "bad_certificate": {"zh": "{path} 不是证书文件", "en": "{path} is not a certificate"},
        "signing_identity_name_missing": {"zh": "缺少签署人姓名", "en": "the signer's name is missing"},
        "signing_passphrase_too_short": {
            "zh": "口令至少需要 {minimum} 个字符",
            "en": "the passphrase needs at least {minimum} characters",
        },
        "signing_identity_exists": {
            "zh": "{path} 已存在，不会覆盖",
            "en": "{path} exists and is not overwritten",
        },
        "signing_identity_unreadable": {"zh": "无法读取签名身份 {path}", "en": "cannot read identity {path}"},
        "signing_identity_locked": {
            "zh": "无法打开签名身份 {path}：口令错误或不是 PKCS#12 文件",
            "en": "cannot open identity {path}: wrong passphrase or not PKCS#12",
        },
        "signing_identity_expired": {
            "zh": "证书已过期或尚未生效（至 {until}）",
            "en": "certificate not valid now (until {until})",
        },
        "signing_no_free_slot": {"zh": "签名框已全部签满", "en": "every signature box is signed already"},
        "signing_no_slot_for_role": {
            "zh": "报告上没有“{role}”的签名框",
            "en": "the report has no signature box for “{role}”",
        },
        "signing_no_such_slot": {"zh": "没有第 {slot} 号签名框", "en": "there is no signature box {slot}"},
        "signing_slot_taken": {
            "zh": "签名框 {slot} 已被签署",
            "en": "signature box {slot} is signed already",
        },
        "signing_field_exists": {"zh": "签名域 {field} 已存在", "en": "signature field {field} exists"},
        "signing_not_a_pdf": {
            "zh": "不是可签署的 PDF：{detail}",
            "en": "not a PDF that can be signed: {detail}",
        },
    }
)
